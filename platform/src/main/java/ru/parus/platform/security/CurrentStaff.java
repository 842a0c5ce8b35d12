package ru.parus.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The staff member behind the current request: the token's {@code sub} is their id. */
@RequestScoped
public class CurrentStaff {
    @Inject
    JsonWebToken jwt;

    public String id() {
        return jwt.getSubject();
    }

    public boolean hasRole(String role) {
        return jwt.getGroups() != null && jwt.getGroups().contains(role);
    }

    /** The head and the director see every customer; a manager only their own and their absent colleagues' (R24). */
    public boolean seesAll() {
        return hasRole(Roles.HEAD) || hasRole(Roles.DIRECTOR) || hasRole(Roles.ADMIN);
    }
}
