package ru.parus.customer.event;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * docs/events/CustomerUpdated.v1.schema.json: staff changed these fields. Exactly the members named in
 * {@code changedFields} are present, with their new values; {@code ownerManagerId} and {@code company} may be
 * present as null (cleared). The other members of this record are left out of the JSON when not changed.
 */
public record CustomerUpdated(UUID customerId, List<String> changedFields, String name, String type,
        String ownerManagerId, String kind, Company company, List<String> tags, OffsetDateTime updatedAt,
        String updatedBy, long version) {
    public static final List<String> FIELDS = List.of("name", "type", "ownerManagerId", "kind", "company", "tags");

    public CustomerUpdated {
        changedFields = List.copyOf(changedFields);
        if (changedFields.isEmpty() || !FIELDS.containsAll(changedFields)) {
            throw new IllegalArgumentException("changedFields must name some of " + FIELDS + ": " + changedFields);
        }
    }

    /** {@code kpp} for organisations only. */
    public record Company(String legalName, String inn, String kpp) {
    }

    /** The event's JSON: the changed members only, a cleared one as null. */
    @JsonValue
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customerId", customerId);
        json.put("changedFields", changedFields);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("type", type);
        values.put("ownerManagerId", ownerManagerId);
        values.put("kind", kind);
        values.put("company", company);
        values.put("tags", tags);
        for (String field : FIELDS) {
            if (changedFields.contains(field)) {
                json.put(field, values.get(field));
            }
        }
        json.put("updatedAt", updatedAt);
        json.put("updatedBy", updatedBy);
        json.put("version", version);
        return json;
    }
}
