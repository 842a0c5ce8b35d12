package ru.parus.notification.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.notification.config.NotificationConfig;
import ru.parus.notification.domain.MessageKind;
import ru.parus.notification.domain.MessageLog;
import ru.parus.notification.domain.MessageStatus;
import ru.parus.notification.service.channel.ChannelKind;
import ru.parus.notification.repository.CustomerReachabilityRepository;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/** R11: promotion messages by campaign, through the same pipeline as every message (consent, quiet hours, channel). */
@ApplicationScoped
@Transactional
public class CampaignService {
    @Inject
    NotificationService notifications;
    @Inject
    TemplateRenderer templates;
    @Inject
    NotificationConfig config;
    @Inject
    CustomerReachabilityRepository reachability;

    /** A campaign's messages: the template kind with parameters, to these customers or (null) to all consented ones. */
    public record Campaign(String campaignId, MessageKind kind, Map<String, String> parameters, List<UUID> customerIds) {
    }

    /** What became of the campaign's customers in this request. */
    public record Outcome(String campaignId, int customers, int queued, int skippedNoConsent, int skippedNoAddress,
            int skippedOther, int alreadyRequested) {
    }

    /**
     * R11: one PROMOTION message per (campaign id, customer), made once; a customer without a consent for any channel
     * the message could take is skipped ({@code NO_CONSENT}), never messaged. Without {@code customerIds}, every
     * customer of the projection with a granted consent, not merged into another and not erased.
     */
    public Outcome launch(Campaign c, String staffId) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (c.campaignId() == null || !c.campaignId().matches("[A-Za-z0-9._-]{1,100}")) {
            errors.add(new Problem.FieldError("campaignId", "required: 1-100 letters, digits, '.', '_' or '-'"));
        }
        if (c.kind() != MessageKind.PROMOTION) {
            errors.add(new Problem.FieldError("kind", "required: PROMOTION"));
        }
        Map<String, String> params = new LinkedHashMap<>(c.parameters() == null ? Map.of() : c.parameters());
        params.forEach((k, v) -> {
            if (v == null || v.length() > config.maxTextLength()) {
                errors.add(new Problem.FieldError("parameters." + k, "text of at most " + config.maxTextLength() + " characters"));
            }
        });
        if (c.customerIds() != null) {
            if (c.customerIds().isEmpty()) {
                errors.add(new Problem.FieldError("customerIds", "at least one, or leave it out for all consented customers"));
            } else if (c.customerIds().size() > config.campaignMaxCustomers()) {
                errors.add(new Problem.FieldError("customerIds", "at most " + config.campaignMaxCustomers()));
            } else if (c.customerIds().contains(null)) {
                errors.add(new Problem.FieldError("customerIds", "no null ids"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors.size() + " field(s) invalid", errors);
        }
        for (ChannelKind channel : ChannelKind.values()) {
            templates.render(MessageKind.PROMOTION, channel, params); // a missing parameter is a 400 before anything is made
        }
        Set<UUID> customers = new LinkedHashSet<>(c.customerIds() == null ? consentedCustomers() : c.customerIds());
        int queued = 0;
        int noConsent = 0;
        int noAddress = 0;
        int other = 0;
        int repeated = 0;
        for (UUID customer : customers) {
            NotificationService.Requested r = notifications.request(new NotificationService.NewMessage(MessageKind.PROMOTION,
                    "CAMPAIGN:" + c.campaignId() + ":" + customer, null, customer, null, null, staffId, params, List.of()));
            MessageLog m = r.message();
            if (!r.created()) {
                repeated++;
            } else if (m.status == MessageStatus.QUEUED) {
                queued++;
            } else if (ChannelChoice.NO_CONSENT.equals(m.reason)) {
                noConsent++;
            } else if (ChannelChoice.NO_ADDRESS.equals(m.reason)) {
                noAddress++;
            } else {
                other++;
            }
        }
        return new Outcome(c.campaignId(), customers.size(), queued, noConsent, noAddress, other, repeated);
    }

    /** R11: customers with at least one granted consent, as the projection holds them now. */
    List<UUID> consentedCustomers() {
        return reachability.consentedCustomers();
    }
}
