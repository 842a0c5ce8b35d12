package ru.parus.platform.security;

/** The roles of ARCHITECTURE.md ("Security"), carried in the JWT's {@code groups} claim. */
public final class Roles {
    public static final String MANAGER = "MANAGER";
    public static final String HEAD = "HEAD";
    public static final String DIRECTOR = "DIRECTOR";
    public static final String WAREHOUSE = "WAREHOUSE";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
