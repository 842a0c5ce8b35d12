package ru.parus.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.parus.notification.config.NotificationConfig;
import ru.parus.notification.domain.CustomerReachability;
import ru.parus.notification.domain.MessageAttachment;
import ru.parus.notification.domain.MessageKind;
import ru.parus.notification.domain.MessageLog;
import ru.parus.notification.domain.MessageStatus;
import ru.parus.notification.domain.MessageStatusChange;
import ru.parus.notification.domain.OrderProjection;
import ru.parus.notification.event.MessageFailed;
import ru.parus.notification.event.MessageSent;
import ru.parus.notification.event.MessageSkipped;
import ru.parus.notification.event.NotificationEvents;
import ru.parus.notification.repository.CustomerReachabilityRepository;
import ru.parus.notification.repository.MessageLogRepository;
import ru.parus.notification.repository.OrderProjectionRepository;
import ru.parus.notification.service.channel.Attachment;
import ru.parus.notification.service.channel.ChannelKind;
import ru.parus.notification.service.channel.SendResult;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.scan.ScanPacing;

/**
 * The send pipeline (R21): one message per cause, made once; the channel by consent and preference; quiet hours
 * respected; provider results applied with retries, a cap, and MessageSent / MessageFailed through the outbox.
 */
@ApplicationScoped
@Transactional
public class NotificationService {
    public static final String NO_PROVIDER = "NO_PROVIDER";
    public static final String ATTEMPTS_EXHAUSTED = "ATTEMPTS_EXHAUSTED";
    public static final String PROVIDER_REJECTED = "PROVIDER_REJECTED";
    public static final String ALREADY_PAID = "ALREADY_PAID";
    public static final String CUSTOMER_ERASED = "CUSTOMER_ERASED";
    public static final String DELIVERY_FAILED = "DELIVERY_FAILED";
    public static final String REORDERED = "REORDERED";
    /** R25: the parameter of a replenishment reminder that names the product family (no template uses it). */
    public static final String FAMILY_ID = "familyId";

    /** What to send and why; {@code customerId} may be null while an order-ready message waits for its order. */
    public record NewMessage(MessageKind kind, String cause, String causeEventId, UUID customerId, UUID orderId,
            ChannelKind requestedChannel, String requestedBy, Map<String, String> params, List<Attachment> attachments) {
    }

    /** The message and whether this request made it (false: the cause was seen before). */
    public record Requested(MessageLog message, boolean created) {
    }

    @Inject
    MessageLogRepository messages;
    @Inject
    CustomerReachabilityRepository reachability;
    @Inject
    OrderProjectionRepository orders;
    @Inject
    TemplateRenderer templates;
    @Inject
    NotificationConfig config;
    @Inject
    Outbox outbox;
    @Inject
    MessageMetrics metrics;
    @Inject
    ObjectMapper mapper;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Event<MessageDispatcher.MessageDue> due;
    @Inject
    ScanPacing pacing;

    /** R21: each cause sends once, even when its event is delivered twice or the service restarts. */
    public Requested request(NewMessage req) {
        MessageLog m = new MessageLog();
        m.id = UUID.randomUUID();
        m.customerId = req.customerId();
        m.status = req.customerId() == null ? MessageStatus.WAITING_ORDER : MessageStatus.QUEUED;
        m.causeEventId = req.causeEventId();
        m.kind = req.kind().name();
        m.cause = req.cause();
        m.orderId = req.orderId();
        m.requestedChannel = req.requestedChannel() == null ? null : req.requestedChannel().name();
        m.requestedBy = req.requestedBy();
        m.params = json(req.params());
        m.createdAt = now();
        if (!messages.insertIfAbsent(m)) {
            return new Requested(messages.byCause(req.cause()), false);
        }
        MessageLog row = messages.findById(m.id);
        int position = 0;
        for (Attachment a : req.attachments() == null ? List.<Attachment>of() : req.attachments()) {
            MessageAttachment stored = new MessageAttachment();
            stored.id = UUID.randomUUID();
            stored.messageId = row.id;
            stored.position = position++;
            stored.fileName = a.fileName();
            stored.contentType = a.contentType();
            stored.content = a.content();
            em.persist(stored);
        }
        history(row, null);
        if (row.customerId != null) {
            prepare(row, req.params());
        }
        return new Requested(row, true);
    }

    /** An order-ready message that waited for its order: the order is known now (R13). */
    public void orderKnown(OrderProjection order) {
        for (MessageLog m : messages.waitingForOrder(order.orderId)) {
            m.customerId = order.customerId;
            Map<String, String> params = MessageTexts.orderReady(params(m), order);
            m.params = json(params);
            prepare(m, params);
        }
    }

    /** R15: a reminder still waiting when the order gets paid is not sent. */
    public void orderPaid(UUID orderId) {
        for (MessageLog m : messages.unsentOfOrder(orderId, MessageKind.PAYMENT_REMINDER)) {
            skip(m, ALREADY_PAID);
        }
    }

    /**
     * R25: a replenishment reminder still waiting (quiet hours, a retry) when the customer orders the family again is
     * not sent: the supply is renewed. An order naming a customer merged away counts for the survivor, who holds the
     * reminders (R24).
     */
    public void reordered(UUID customerId, Set<UUID> familyIds) {
        if (familyIds.isEmpty()) {
            return;
        }
        Set<String> families = new HashSet<>();
        familyIds.forEach(f -> families.add(f.toString()));
        CustomerReachability current = reachability.resolve(customerId);
        UUID survivor = current == null ? customerId : current.customerId;
        for (MessageLog m : messages.unsentOfCustomer(survivor, MessageKind.REPLENISHMENT_REMINDER)) {
            if (families.contains(params(m).get(FAMILY_ID))) {
                skip(m, REORDERED);
            }
        }
    }

    /** R21: consent and channel, the text, and quiet hours decide what happens to a new message. */
    void prepare(MessageLog m, Map<String, String> params) {
        CustomerReachability r = reachability.resolve(m.customerId);
        if (r != null && !r.customerId.equals(m.customerId)) {
            m.customerId = r.customerId; // CustomersMerged: the survivor is reached
        }
        if (r != null && r.erasedAt != null) {
            skip(m, CUSTOMER_ERASED);
            return;
        }
        if (MessageKind.PAYMENT_REMINDER.name().equals(m.kind) && m.orderId != null) {
            OrderProjection order = orders.findById(m.orderId);
            if (order != null && order.paid) {
                skip(m, ALREADY_PAID); // R15: only an unpaid order gets a reminder
                return;
            }
        }
        ChannelChoice.Choice choice = r == null ? ChannelChoice.choose(Set.of(), Map.of(), null, null, List.of())
                : ChannelChoice.choose(granted(r), addresses(r), channel(r.preferredChannel),
                        channel(m.requestedChannel), config.channelOrder());
        if (!choice.chosen()) {
            skip(m, choice.reason()); // R21: never without consent for that channel
            return;
        }
        TemplateRenderer.Rendered text = templates.render(MessageKind.valueOf(m.kind), choice.channel(), params);
        m.channel = choice.channel().name();
        m.address = choice.address();
        m.subject = text.subject();
        m.body = text.body();
        m.templateVersion = text.templateVersion();
        Instant now = clock.instant();
        // R21: quiet hours in the customer's time zone: the message waits until they end
        Instant notBefore = QuietHours.notBefore(now, r.quietFrom, r.quietTo, zone(r));
        m.queue(notBefore.atOffset(ZoneOffset.UTC));
        m.updatedAt = now();
        history(m, notBefore.isAfter(now) ? "quiet hours until " + m.notBefore : null);
        if (!notBefore.isAfter(now)) {
            due.fire(new MessageDispatcher.MessageDue()); // sent right after the commit, not at the next poll
        } else {
            pacing.changedOnCommit(); // the dispatcher's poll learns the new due time (ScanPacing)
        }
    }

    /**
     * The provider's answer for a message marked SENDING. R21: accepted is SENT; a temporary failure is retried
     * with exponential backoff up to {@code max-attempts}, then FAILED; a permanent one is FAILED at once.
     */
    public void applyResult(UUID messageId, SendResult result) {
        MessageLog m = messages.findById(messageId);
        if (m == null || m.status != MessageStatus.SENDING) {
            return;
        }
        m.updatedAt = now();
        if (result instanceof SendResult.Accepted accepted) {
            m.sent(accepted.providerMessageId(), now());
            history(m, accepted.providerMessageId());
            outbox.publish(NotificationEvents.TOPIC, NotificationEvents.MESSAGE, m.id, NotificationEvents.MESSAGE_SENT,
                    new MessageSent(m.id, m.customerId, m.kind, m.channel, m.cause, m.causeEventId, m.orderId,
                            m.providerMessageId, m.attempts, m.sentAt));
            metrics.finished(m.channel, m.status.name());
        } else if (result instanceof SendResult.TemporaryFailure failure) {
            m.lastError = failure.reason();
            if (m.attempts >= config.maxAttempts()) {
                fail(m, ATTEMPTS_EXHAUSTED, failure.reason());
            } else {
                Instant retryAt = clock.instant().plus(backoff(m.attempts));
                CustomerReachability r = m.customerId == null ? null : reachability.resolve(m.customerId);
                if (r != null) {
                    retryAt = QuietHours.notBefore(retryAt, r.quietFrom, r.quietTo, zone(r)); // R21
                }
                m.queue(retryAt.atOffset(ZoneOffset.UTC));
                history(m, "retry at " + m.notBefore + " after: " + failure.reason());
            }
        } else if (result instanceof SendResult.PermanentFailure failure) {
            m.lastError = failure.reason();
            fail(m, PROVIDER_REJECTED, failure.reason());
        }
    }

    /** A channel kind without a provider bean: nothing can send it (R21). */
    public void noProvider(UUID messageId) {
        MessageLog m = messages.findById(messageId);
        if (m != null && m.status == MessageStatus.SENDING) {
            m.lastError = "no channel bean for " + m.channel;
            fail(m, NO_PROVIDER, m.lastError);
        }
    }

    Duration backoff(int attempts) {
        return backoff(attempts, config.initialBackoff(), config.maxBackoff());
    }

    /** Exponential: initial, 2x, 4x, ... capped at {@code max}; {@code attempts} is the number made so far. */
    static Duration backoff(int attempts, Duration initial, Duration max) {
        Duration d = initial;
        for (int i = 1; i < attempts && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    void fail(MessageLog m, String reason, String detail) {
        m.failed(reason, now());
        history(m, reason + (detail == null ? "" : ": " + detail));
        outbox.publish(NotificationEvents.TOPIC, NotificationEvents.MESSAGE, m.id, NotificationEvents.MESSAGE_FAILED,
                new MessageFailed(m.id, m.customerId, m.kind, m.channel, m.cause, m.causeEventId, m.orderId, reason,
                        m.attempts, m.finishedAt));
        metrics.finished(m.channel, m.status.name());
    }

    void skip(MessageLog m, String reason) {
        m.skip(reason, now());
        history(m, reason);
        outbox.publish(NotificationEvents.TOPIC, NotificationEvents.MESSAGE, m.id, NotificationEvents.MESSAGE_SKIPPED,
                new MessageSkipped(m.id, m.customerId, m.kind, m.cause, m.causeEventId, m.orderId, reason, m.finishedAt));
        metrics.finished(m.channel, m.status.name());
    }

    /** Records the status the message has now (R21: logged with its delivery status). */
    void history(MessageLog m, String detail) {
        MessageStatusChange change = new MessageStatusChange();
        change.messageId = m.id;
        change.status = m.status.name();
        change.attempt = m.attempts;
        change.detail = detail;
        change.at = now();
        em.persist(change);
    }

    Set<ChannelKind> granted(CustomerReachability r) {
        Set<ChannelKind> out = EnumSet.noneOf(ChannelKind.class);
        for (String name : read(r.grantedChannels, new TypeReference<List<String>>() {
        })) {
            ChannelKind c = channel(name);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    Map<ChannelKind, String> addresses(CustomerReachability r) {
        Map<ChannelKind, String> out = new EnumMap<>(ChannelKind.class);
        read(r.addresses, new TypeReference<Map<String, String>>() {
        }).forEach((k, v) -> {
            ChannelKind c = channel(k);
            if (c != null) {
                out.put(c, v);
            }
        });
        return out;
    }

    ZoneId zone(CustomerReachability r) {
        try {
            return r.timeZone == null ? ZoneId.of(config.defaultTimeZone()) : ZoneId.of(r.timeZone);
        } catch (RuntimeException e) {
            return ZoneId.of(config.defaultTimeZone());
        }
    }

    static ChannelKind channel(String name) {
        if (name == null) {
            return null;
        }
        try {
            return ChannelKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    Map<String, String> params(MessageLog m) {
        return m.params == null ? Map.of() : read(m.params, new TypeReference<Map<String, String>>() {
        });
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
    }

    String json(Object value) {
        try {
            return value == null ? null : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
