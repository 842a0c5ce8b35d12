package ru.parus.callcenter.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import ru.parus.callcenter.config.CallCenterConfig;
import ru.parus.callcenter.domain.Absence;
import ru.parus.callcenter.domain.AbsenceStatus;
import ru.parus.callcenter.domain.Staff;
import ru.parus.callcenter.repository.AbsenceRepository;
import ru.parus.callcenter.repository.StaffRepository;
import ru.parus.platform.paging.Page;
import ru.parus.platform.paging.PageRequest;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;
import ru.parus.platform.scan.ScanPacing;

/** R22: the department's people and their absences with deputies. */
@ApplicationScoped
@Transactional
public class StaffService {
    public static final Set<String> ROLES = Set.of(Staff.MANAGER, Staff.HEAD, Staff.DIRECTOR);
    public static final List<String> REASONS = List.of("LEAVE", "SICKNESS", "TRIP", "OTHER");

    @Inject
    StaffRepository staff;
    @Inject
    AbsenceRepository absences;
    @Inject
    ScanPacing pacing;
    @Inject
    Deputies deputies;
    @Inject
    CallCenterConfig config;
    @Inject
    Clock clock;


    /** Creates or changes a staff member (HEAD, DIRECTOR, ADMIN). */
    public Staff put(String id, String name, String role, String headId, String extension, Boolean active, String by,
            Long expectedVersion) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (id == null || id.isBlank() || id.length() > 100) {
            errors.add(new Problem.FieldError("id", "1..100 characters"));
        }
        if (name == null || name.isBlank()) {
            errors.add(new Problem.FieldError("name", "required"));
        } else if (name.length() > 300) {
            errors.add(new Problem.FieldError("name", "at most 300 characters"));
        }
        if (role == null || !ROLES.contains(role)) {
            errors.add(new Problem.FieldError("role", "one of MANAGER, HEAD, DIRECTOR"));
        }
        if (extension != null && (extension.isBlank() || extension.length() > 20)) {
            errors.add(new Problem.FieldError("extension", "1..20 characters"));
        }
        if (headId != null) {
            Staff head = headId.equals(id) ? null : staff.findById(headId);
            if (head == null || !Staff.HEAD.equals(head.role) && !Staff.DIRECTOR.equals(head.role)) {
                errors.add(new Problem.FieldError("headId", "not a HEAD or DIRECTOR on the staff (other than this person)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The staff member has invalid fields", errors);
        }
        if (extension != null) {
            Staff holder = staff.byExtension(extension);
            if (holder != null && !holder.staffId.equals(id)) {
                throw new ProblemException(ProblemType.CONFLICT, "Extension " + extension + " belongs to " + holder.staffId)
                        .with("holder", holder.staffId);
            }
        }
        Staff s = staff.findById(id);
        boolean isNew = s == null;
        if (expectedVersion != null && (isNew || s.version != expectedVersion)) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The staff member changed since you read it")
                    .with("currentVersion", isNew ? null : s.version);
        }
        if (isNew) {
            s = new Staff();
            s.staffId = id;
        }
        s.name = name;
        s.role = role;
        s.headId = headId;
        s.extension = extension;
        s.active = active == null || active;
        s.updatedAt = now();
        s.updatedBy = by;
        if (isNew) {
            staff.persist(s);
        }
        staff.flush();
        return s;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Staff get(String id) {
        return staff.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Staff member", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Staff> list(String role, String active, Integer page, Integer size) {
        PageRequest paging = PageRequest.of(page, size, 50, config.maxPageSize());
        int p = paging.page();
        int s = paging.size();
        if (role != null && !ROLES.contains(role)) {
            throw ProblemException.invalidField("role", "one of MANAGER, HEAD, DIRECTOR");
        }
        Boolean a = null;
        if (active != null) {
            if (!active.equals("true") && !active.equals("false")) {
                throw ProblemException.invalidField("active", "must be true or false");
            }
            a = Boolean.valueOf(active);
        }
        PanacheQuery<Staff> q = staff.search(role, a, p, s);
        return Page.of(paging, q.count(), q.list());
    }

    /** R10, R19: the head of a staff member from the staff table, else the configured default head, else nobody. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String headOf(String staffId) {
        Staff s = staffId == null ? null : staff.findById(staffId);
        if (s != null && s.headId != null) {
            return s.headId;
        }
        return config.defaultHeadId().orElse(null);
    }

    /**
     * R22: records an absence with a deputy. The deputy is an active staff member other than the manager; the period
     * ends after it starts and after now; it must not overlap another planned or active absence of the manager (409).
     * An absence whose start has passed begins at once.
     */
    public Absence addAbsence(String managerId, String reason, OffsetDateTime startsAt, OffsetDateTime endsAt,
            String deputyId, String by) {
        Staff manager = staff.findById(managerId, LockModeType.PESSIMISTIC_WRITE); // serialises a manager's absences
        if (manager == null) {
            throw ProblemException.notFound("Staff member", managerId);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (reason == null || !REASONS.contains(reason)) {
            errors.add(new Problem.FieldError("reason", "one of " + String.join(", ", REASONS)));
        }
        if (startsAt == null) {
            errors.add(new Problem.FieldError("startsAt", "required"));
        }
        if (endsAt == null) {
            errors.add(new Problem.FieldError("endsAt", "required"));
        }
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            errors.add(new Problem.FieldError("endsAt", "must be after startsAt"));
        } else if (endsAt != null && !endsAt.isAfter(now())) {
            errors.add(new Problem.FieldError("endsAt", "must be in the future"));
        }
        if (deputyId == null || deputyId.isBlank()) {
            errors.add(new Problem.FieldError("deputyId", "required"));
        } else if (deputyId.equals(managerId)) {
            errors.add(new Problem.FieldError("deputyId", "the deputy is someone other than the absent manager"));
        } else {
            Staff deputy = staff.findById(deputyId);
            if (deputy == null || !deputy.active) {
                errors.add(new Problem.FieldError("deputyId", "not an active staff member"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "The absence has invalid fields", errors)
                    .with("allowedReasons", REASONS);
        }
        List<Absence> overlap = absences.overlapping(managerId, startsAt, endsAt);
        if (!overlap.isEmpty()) {
            throw new ProblemException(ProblemType.CONFLICT, "The period overlaps another absence of " + managerId)
                    .with("overlappingAbsenceId", overlap.get(0).id);
        }
        Absence a = new Absence();
        a.id = UUID.randomUUID();
        a.managerId = managerId;
        a.deputyId = deputyId;
        a.reason = reason;
        a.startsAt = startsAt.withOffsetSameInstant(ZoneOffset.UTC);
        a.endsAt = endsAt.withOffsetSameInstant(ZoneOffset.UTC);
        a.status = AbsenceStatus.PLANNED;
        a.createdBy = by;
        a.createdAt = now();
        if (!a.startsAt.isAfter(a.createdAt)) {
            // R22: recorded with a start in the past: the deputy takes over at once
            a.start(a.createdAt);
            absences.persist(a);
            absences.flush();
            deputies.started(a);
        } else {
            absences.persist(a);
            pacing.changedOnCommit(); // no event until it starts: the absence scan learns its start time this way
        }
        absences.flush();
        return a;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Absence> absencesOf(String managerId) {
        get(managerId);
        return absences.ofManager(managerId);
    }

    /**
     * R22: a planned absence is cancelled; an active one ends now (ManagerAbsenceEnded, tasks return); an ended or
     * cancelled one is a 409.
     */
    public Absence endAbsence(String managerId, UUID absenceId, String by) {
        Absence a = absences.findByIdOptional(absenceId).filter(x -> x.managerId.equals(managerId))
                .orElseThrow(() -> ProblemException.notFound("Absence", absenceId));
        OffsetDateTime now = now();
        if (!a.stop(by, now)) {
            throw new ProblemException(ProblemType.CONFLICT, "The absence is " + a.status)
                    .with("currentStatus", a.status.name());
        }
        if (a.status == AbsenceStatus.ENDED) {
            deputies.ended(a, now);
        }
        absences.flush();
        return a;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
