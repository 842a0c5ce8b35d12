package ru.parus.callcenter.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A member of the department (R22): the staff id is the JWT {@code sub}; a manager has a head. */
@Entity
@Table(name = "staff")
public class Staff {
    public static final String MANAGER = "MANAGER";
    public static final String HEAD = "HEAD";
    public static final String DIRECTOR = "DIRECTOR";

    @Id
    @Column(name = "staff_id")
    public String staffId;

    @Column(nullable = false)
    public String name;

    /** MANAGER, HEAD or DIRECTOR. */
    @Column(nullable = false)
    public String role;

    /** The staff id of this person's head (escalations R19, discount approvals R10). */
    @Column(name = "head_id")
    public String headId;

    /** The PBX extension, to recognise the manager in telephony events (R18). */
    public String extension;

    public boolean active;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public long version;
}
