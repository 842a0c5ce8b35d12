package ru.parus.callcenter.event;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** R16: management assigned calls to a frozen list of customers (R6: registered). */
public record CampaignLaunched(UUID campaignId, String name, String purpose, String scriptCode, int scriptVersion,
        OffsetDateTime deadline, List<String> assignees, int customerCount, String createdBy, OffsetDateTime createdAt) {
}
