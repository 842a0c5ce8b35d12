package ru.parus.customer.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import org.hibernate.validator.constraints.ru.INN;

import com.fasterxml.jackson.databind.JsonNode;

import ru.parus.customer.config.CustomerConfig;
import ru.parus.customer.domain.Customer;
import ru.parus.customer.event.CustomerEvents;
import ru.parus.customer.event.CustomerUpdated;
import ru.parus.customer.repository.CustomerRepository;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/**
 * Changes of a customer's name, type, owner, kind (person or company with legal name, INN, KPP) and
 * tags, optimistic (If-Match), announced with {@code CustomerUpdated} naming the changed fields (R6);
 * and managers' notes, which go on the timeline.
 */
@ApplicationScoped
@Transactional
public class CustomerUpdates {
    static final List<String> FIELDS = CustomerUpdated.FIELDS;
    static final List<String> KINDS = List.of("PERSON", "COMPANY");
    static final int MAX_TAGS = 30;

    @Inject
    CustomerService customers;
    @Inject
    CustomerConfig config;
    @Inject
    CustomerRepository repository;
    @Inject
    EntityManager em;
    @Inject
    Timeline timeline;
    @Inject
    Validator validator;
    @Inject
    Clock clock;

    /** The INN check digits are verified by Hibernate Validator's {@code @INN} (10 or 12 digits). */
    record InnValue(@INN(type = INN.Type.ANY) String inn) {
    }

    public record Company(String legalName, String inn, String kpp) {
    }

    /**
     * Applies a JSON merge patch of the customer's own fields: absent members stay, present ones are
     * set (null clears the owner). Only the head reassigns the owner. Answers the customer after the change.
     */
    public Customer patch(UUID id, long expectedVersion, JsonNode patch, CurrentStaff staff) {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "The body must be a JSON object of the fields to change");
        }
        for (Iterator<String> names = patch.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ProblemException.invalidField(name, "not a field that can be changed here; one of " + FIELDS)
                        .with("changeableFields", FIELDS);
            }
        }
        Customer customer = customers.get(id, staff); // R24, R22: own, deputised or unowned customers only
        CustomerService.refuseErased(customer);
        if (customer.version != expectedVersion) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "Customer " + id + " is at version "
                    + customer.version + ", not " + expectedVersion + "; reload it and repeat the change")
                    .with("currentVersion", customer.version);
        }
        // tags first: their native statements flush the session, which must not yet hold changes of the
        // customer row, or the version would move twice
        List<String> newTags = null;
        if (patch.has("tags")) {
            Set<String> tags = tags(patch.get("tags"));
            if (!tags.equals(new LinkedHashSet<>(tags(id)))) {
                repository.replaceTags(id, tags);
                newTags = List.copyOf(tags);
            }
        }
        Set<String> changed = new LinkedHashSet<>();
        if (patch.has("name")) {
            String name = text(patch, "name", 200, true);
            if (!name.equals(customer.name)) {
                customer.name = name;
                changed.add("name");
            }
        }
        if (patch.has("type")) {
            String type = text(patch, "type", 40, true);
            if (!config.types().contains(type)) {
                throw ProblemException.invalidField("type", "must be one of " + config.types()).with("allowedTypes", config.types());
            }
            if (!type.equals(customer.type)) {
                customer.type = type;
                changed.add("type");
            }
        }
        if (patch.has("ownerManagerId")) {
            if (!staff.hasRole(Roles.HEAD)) {
                throw new ProblemException(ProblemType.FORBIDDEN, "Only the head reassigns a customer's owner manager");
            }
            String owner = patch.get("ownerManagerId").isNull() ? null : text(patch, "ownerManagerId", 100, true);
            if (!java.util.Objects.equals(owner, customer.ownerManagerId)) {
                customer.ownerManagerId = owner;
                changed.add("ownerManagerId");
            }
        }
        String kind = customer.kind;
        if (patch.has("kind")) {
            kind = text(patch, "kind", 10, true);
            if (!KINDS.contains(kind)) {
                throw ProblemException.invalidField("kind", "must be PERSON or COMPANY").with("allowedKinds", KINDS);
            }
        }
        Company company = patch.has("company") && !patch.get("company").isNull() ? company(patch.get("company")) : null;
        if ("COMPANY".equals(kind)) {
            if (company == null && (customer.inn == null || patch.has("company"))) {
                throw ProblemException.invalidField("company", "a COMPANY needs its legalName and INN (and KPP for an organisation)");
            }
        } else if (company != null) {
            throw ProblemException.invalidField("company", "only a COMPANY has company details; send kind COMPANY");
        }
        if (!kind.equals(customer.kind)) {
            customer.kind = kind;
            changed.add("kind");
            if ("PERSON".equals(kind) && customer.inn != null) {
                customer.legalName = null;
                customer.inn = null;
                customer.kpp = null;
                changed.add("company");
            }
        }
        if (company != null && !(company.legalName().equals(customer.legalName) && company.inn().equals(customer.inn)
                && java.util.Objects.equals(company.kpp(), customer.kpp))) {
            customer.legalName = company.legalName();
            customer.inn = company.inn();
            customer.kpp = company.kpp();
            changed.add("company");
        }
        if (newTags != null) {
            changed.add("tags");
        }
        if (changed.isEmpty()) {
            return customer; // nothing changed: no new version, no event
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        customer.updatedAt = now;
        em.flush(); // the version moves now, so that the event carries it
        CustomerUpdated event = new CustomerUpdated(id, List.copyOf(changed), customer.name, customer.type,
                customer.ownerManagerId, customer.kind, customer.inn == null ? null
                        : new CustomerUpdated.Company(customer.legalName, customer.inn, customer.kpp),
                newTags, now, staff.id(), customer.version);
        timeline.publish(id, CustomerEvents.UPDATED, event); // R6: recorded and announced
        return customer;
    }

    /** Sorted, so that a set compares and reads the same every time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> tags(UUID id) {
        return repository.tags(id);
    }

    public record Note(long id, String text, String writtenBy, OffsetDateTime writtenAt) {
    }

    /** R6: a manager's note on the customer; it goes on the timeline as {@code NoteAdded}. */
    public Note addNote(UUID id, String text, CurrentStaff staff) {
        Customer customer = customers.get(id, staff);
        CustomerService.refuseErased(customer);
        if (text == null || text.isBlank()) {
            throw ProblemException.invalidField("text", "must not be blank");
        }
        String note = text.strip();
        if (note.length() > 4000) {
            throw ProblemException.invalidField("text", "at most 4000 characters");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long noteId = repository.insertNote(customer.id, note, staff.id(), now);
        Note saved = new Note(noteId, note, staff.id(), now);
        timeline.record(customer.id, now, "NoteAdded", saved);
        return saved;
    }

    private Company company(JsonNode node) {
        if (!node.isObject()) {
            throw ProblemException.invalidField("company", "an object {legalName, inn, kpp}");
        }
        String legalName = text(node, "legalName", 300, true, "company.legalName");
        String inn = text(node, "inn", 12, true, "company.inn");
        if (!inn.matches("\\d{10}|\\d{12}") || !validator.validate(new InnValue(inn)).isEmpty()) {
            throw ProblemException.invalidField("company.inn", "not a valid INN (10 or 12 digits with correct check digits)");
        }
        String kpp = node.hasNonNull("kpp") ? text(node, "kpp", 9, true, "company.kpp").toUpperCase() : null;
        if (inn.length() == 10 && kpp == null) {
            throw ProblemException.invalidField("company.kpp", "an organisation (10-digit INN) needs its KPP");
        }
        if (inn.length() == 12 && kpp != null) {
            throw ProblemException.invalidField("company.kpp", "an individual entrepreneur (12-digit INN) has no KPP");
        }
        if (kpp != null && !kpp.matches("\\d{4}[0-9A-Z]{2}\\d{3}")) {
            throw ProblemException.invalidField("company.kpp", "9 characters: 4 digits, 2 digits or letters, 3 digits");
        }
        return new Company(legalName, inn, kpp);
    }

    private static Set<String> tags(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw ProblemException.invalidField("tags", "an array of strings");
        }
        Set<String> tags = new TreeSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode tag = node.get(i);
            if (!tag.isTextual() || tag.asText().isBlank() || tag.asText().strip().length() > 50) {
                throw ProblemException.invalidField("tags[" + i + "]", "a non-blank string of at most 50 characters");
            }
            tags.add(tag.asText().strip());
        }
        if (tags.size() > MAX_TAGS) {
            throw ProblemException.invalidField("tags", "at most " + MAX_TAGS + " tags");
        }
        return tags;
    }

    private static String text(JsonNode node, String field, int max, boolean required) {
        return text(node, field, max, required, field);
    }

    private static String text(JsonNode node, String field, int max, boolean required, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw ProblemException.invalidField(path, "required");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw ProblemException.invalidField(path, "a non-blank string");
        }
        String s = value.asText().strip();
        if (s.length() > max) {
            throw ProblemException.invalidField(path, "at most " + max + " characters");
        }
        return s;
    }
}
