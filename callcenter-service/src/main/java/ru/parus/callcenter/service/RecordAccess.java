package ru.parus.callcenter.service;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.domain.Feedback;
import ru.parus.callcenter.domain.PhoneCall;
import ru.parus.platform.access.AccessDirectory;
import ru.parus.platform.access.CustomerAccess;
import ru.parus.platform.access.PersonalDataAudit;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;
import ru.parus.platform.security.CurrentStaff;

/**
 * R24 with R22: who reads and acts on the call centre's records, in one place for every resource. A record belongs to
 * staff: a call to its manager, a task to its assignee and its original assignee (R22: whose it is while a deputy
 * holds it), a script run to its manager, feedback to the person responsible. HEAD, DIRECTOR and ADMIN act on all (an
 * endpoint's roles still say who may do what at all); anyone else on their own records and on those of a colleague
 * whose ACTIVE absence names them as deputy. Another's record is a 403 problem; the caller answers 404 for an unknown
 * one first. Customers named in a request go through platform's {@link CustomerAccess} with {@link CustomerOwners}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RecordAccess {
    @Inject
    CurrentStaff staff;
    @Inject
    AccessDirectory directory;
    @Inject
    CustomerAccess customers;
    @Inject
    PersonalDataAudit audit;

    /** R24, R22: the staff ids whose records the caller acts on: their own and the colleagues they deputise for now. */
    public Set<String> actsFor() {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(staff.id());
        ids.addAll(directory.managersCoveredBy(staff.id()));
        return ids;
    }

    /** R24, R22: may the caller act on a record that belongs to any of {@code owners}? */
    public boolean mayActFor(String... owners) {
        if (staff.seesAll()) {
            return true;
        }
        Set<String> mine = actsFor();
        return Arrays.stream(owners).filter(Objects::nonNull).anyMatch(mine::contains);
    }

    /** R24, R22: a call is its manager's. */
    public void checkCall(PhoneCall call) {
        if (!mayActFor(call.managerId)) {
            throw forbidden("call " + call.id + " is another manager's").with("callId", call.id);
        }
    }

    /** R24, R22: a task is its assignee's and its original assignee's; a task nobody holds is the head's queue. */
    public void checkTask(CallTask task) {
        if (!mayActFor(task.assignee, task.originalAssignee)) {
            throw forbidden("call task " + task.id + " is another manager's").with("taskId", task.id);
        }
    }

    /** R24, R22 (R20): feedback is answered by the person responsible (or their deputy). */
    public void checkFeedback(Feedback feedback) {
        if (!mayActFor(feedback.responsible)) {
            throw forbidden("only " + feedback.responsible + ", their deputy or the head answers this")
                    .with("responsible", feedback.responsible);
        }
    }

    /**
     * R24, R22: a list filtered by a staff id ({@code me} or blank: the caller) shows records the caller may act on:
     * HEAD, DIRECTOR and ADMIN anyone's, a manager their own or a deputised colleague's (else 403). Returns the id.
     */
    public String staffFilter(String requested) {
        String who = requested == null || requested.isBlank() || requested.equals("me") ? staff.id() : requested;
        if (!mayActFor(who)) {
            throw forbidden("a manager lists their own records and those of a colleague they deputise for")
                    .with("staffId", who);
        }
        return who;
    }

    /**
     * R24, R22: a customer named in a request. The customer of a task or call the caller acts on (checked before) is
     * theirs for that record (a campaign call to another manager's customer, R16); any other goes through platform's
     * {@link CustomerAccess#checkCustomer}: own, unowned and deputised customers for a manager.
     */
    public void checkCustomer(UUID customerId, UUID... customersOfCheckedRecords) {
        if (customerId == null || Arrays.asList(customersOfCheckedRecords).contains(customerId)) {
            return;
        }
        customers.checkCustomer(customerId);
    }

    /**
     * R24: the answer shows these records' personal data: one PersonalDataAccessed per customer with the fields shown
     * of all their records (none for a record without a customer or without personal data).
     */
    @Transactional
    public <T> void shown(String endpoint, Collection<T> records, Function<T, UUID> customer,
            Function<T, List<String>> fields) {
        Map<UUID, Set<String>> byCustomer = new LinkedHashMap<>();
        for (T r : records) {
            UUID id = customer.apply(r);
            List<String> f = fields.apply(r);
            if (id != null && !f.isEmpty()) {
                byCustomer.computeIfAbsent(id, k -> new TreeSet<>()).addAll(f);
            }
        }
        byCustomer.forEach((id, f) -> audit.read(id, endpoint, f));
    }

    /** R24: a call shows the customer's phone and the manager's notes of the conversation. */
    public void callsShown(String endpoint, Collection<PhoneCall> calls) {
        shown(endpoint, calls, c -> c.customerId, c -> present(c.phone, "phone", c.notes, "notes"));
    }

    /** R24: a task shows the number to call back (CALLBACK) and the note of the call's result. */
    public void tasksShown(String endpoint, Collection<CallTask> tasks) {
        shown(endpoint, tasks, t -> t.customerId, t -> present(t.phone, "phone", t.note, "notes"));
    }

    /** R24: a complaint or wish shows the customer's words and the answer (both blanked on erasure). */
    public void feedbackShown(String endpoint, Collection<Feedback> feedback) {
        shown(endpoint, feedback, f -> f.customerId,
                f -> CustomerErasure.ERASED_TEXT.equals(f.text) ? List.of() : List.of("notes"));
    }

    private static List<String> present(String first, String firstField, String second, String secondField) {
        List<String> fields = new java.util.ArrayList<>(2);
        if (first != null) {
            fields.add(firstField);
        }
        if (second != null && !second.isBlank()) {
            fields.add(secondField);
        }
        return fields;
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, "R24: " + detail);
    }
}
