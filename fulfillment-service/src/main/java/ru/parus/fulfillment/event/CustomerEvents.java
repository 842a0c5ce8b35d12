package ru.parus.fulfillment.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Our readings of customer-service's {@code customer-events} that decide who reads a shipment (R22, R24). Fields we
 * do not name are ignored; a missing or malformed required one makes the event poison.
 */
public final class CustomerEvents {
    /** The member that names the customer's owner manager (R24). */
    public static final String OWNER = "ownerManagerId";

    private CustomerEvents() {
    }

    /** CustomerRegistered.v1: always names the owner (null or absent: nobody). */
    public record CustomerRegistered(@NotNull UUID customerId, String ownerManagerId) {
    }

    /**
     * CustomerUpdated.v1: names the owner only when {@code changedFields} lists ownerManagerId, and then the member must
     * be there (null: nobody owns the customer now). {@code ownerManagerId} is Java null when the member is absent,
     * a JSON null node when it is null.
     */
    public record CustomerUpdated(@NotNull UUID customerId, @NotNull List<String> changedFields,
            JsonNode ownerManagerId) {
        public boolean namesOwner() {
            return changedFields.contains(OWNER);
        }

        public String owner() {
            return text(ownerManagerId);
        }

        /** R24: a changed owner comes with its value, a string or null. */
        @JsonIgnore
        @AssertTrue(message = "must hold: changedFields lists ownerManagerId, so the member must be a string or null")
        public boolean isOwnerManagerIdGivenWhenChanged() {
            return changedFields == null || !changedFields.contains(OWNER) || textOrNull(ownerManagerId);
        }
    }

    /**
     * CustomerDormant.v1 and CustomerReactivated.v1: name the owner when they carry the member ({@code ownerManagerId}
     * Java null when absent, a JSON null node when null).
     */
    public record CustomerStatusChanged(@NotNull UUID customerId, JsonNode ownerManagerId) {
        public boolean namesOwner() {
            return ownerManagerId != null;
        }

        public String owner() {
            return text(ownerManagerId);
        }

        @JsonIgnore
        @AssertTrue(message = "must hold: ownerManagerId is a string or null")
        public boolean isOwnerManagerIdText() {
            return ownerManagerId == null || textOrNull(ownerManagerId);
        }
    }

    /** CustomerErased.v1 (R24): the customer's personal data are blanked in shipments. */
    public record CustomerErased(@NotNull UUID customerId, @NotNull OffsetDateTime erasedAt) {
    }

    /** CustomersMerged.v1 (R24): the merged-away customer's shipments follow the survivor's owner. */
    public record CustomersMerged(@NotNull UUID mergedCustomerId, @NotNull UUID survivingCustomerId) {
    }

    private static boolean textOrNull(JsonNode node) {
        return node != null && (node.isNull() || node.isTextual());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
