package ru.parus.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import ru.parus.notification.config.NotificationConfig;
import ru.parus.notification.domain.MessageAttachment;
import ru.parus.notification.domain.MessageLog;
import ru.parus.notification.repository.MessageLogRepository;
import ru.parus.notification.service.channel.Attachment;
import ru.parus.notification.service.channel.ChannelKind;
import ru.parus.notification.service.channel.MessageChannel;
import ru.parus.notification.service.channel.OutgoingMessage;
import ru.parus.notification.service.channel.SendResult;
import ru.parus.platform.scan.ScanPacing;
import ru.parus.platform.worker.WakeableWorker;

/**
 * Sends due messages (R21). Safe with replicas: due rows are claimed with {@code FOR UPDATE SKIP LOCKED} and marked
 * SENDING with the attempt in their own transaction before the provider is called, so a crash mid-send leaves a
 * SENDING row, which is queued again after {@code sending-stale-after} with the same message id (providers that take
 * a client id recognise the resend).
 *
 * <p>Runs on a thread of its own, woken after each commit that queued a message due now and on a fallback poll every
 * {@code dispatch-every} (5 s): a poll a second cost an idle service 3 ms of CPU a second (issue 15).
 */
@ApplicationScoped
public class MessageDispatcher {
    private static final Logger LOG = Logger.getLogger(MessageDispatcher.class);
    private static final String JOB = "message-dispatch";

    @Inject
    MessageLogRepository messages;
    @Inject
    NotificationService notifications;
    @Inject
    NotificationConfig config;
    @Inject
    @Any
    Instance<MessageChannel> channelBeans;
    @Inject
    Clock clock;
    @Inject
    ScanPacing pacing;

    private volatile Map<ChannelKind, MessageChannel> channels;
    private final WakeableWorker worker = new WakeableWorker("message-dispatcher", this::drain);

    /** Fired in the transaction that queued a message due now; the dispatcher wakes after its commit. */
    public record MessageDue() {
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageDue due) {
        worker.wake();
    }

    /**
     * For messages due later (quiet hours, retries, SENDING rows left by a crash) and a wake-up that was lost; skipped
     * until the next of those is due ({@link ScanPacing}).
     */
    @Scheduled(every = "${parus.notification.dispatch-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (pacing.mayBeDue(JOB)) {
            worker.wake();
        }
    }

    private void drain() {
        ScanPacing.Look look = pacing.look();
        try {
            while (dispatchDue() >= config.dispatchBatch()) {
                // a full batch: more are probably due
            }
            Instant next = QuarkusTransaction.requiringNew()
                    .call(() -> messages.nextDue(config.sendingStaleAfter()));
            pacing.finished(JOB, look, next);
        } catch (RuntimeException e) {
            LOG.warnf("dispatcher: due messages not sent, retrying at the next poll: %s", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        worker.stop();
    }

    /** One round: claims what is due and sends it; returns how many were claimed. */
    public int dispatchDue() {
        List<UUID> claimed = QuarkusTransaction.requiringNew().call(this::claim);
        for (UUID id : claimed) {
            send(id);
        }
        return claimed.size();
    }

    private List<UUID> claim() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        for (UUID id : messages.lockStaleSending(now.minus(config.sendingStaleAfter()), config.dispatchBatch())) {
            MessageLog m = messages.findById(id);
            m.queue(now);
            notifications.history(m, "left SENDING by an interrupted send; resent with the same id");
        }
        List<UUID> due = messages.lockDue(now, config.dispatchBatch());
        for (UUID id : due) {
            MessageLog m = messages.findById(id);
            m.sending(now);
            notifications.history(m, null);
        }
        return due;
    }

    private void send(UUID id) {
        OutgoingMessage out = QuarkusTransaction.requiringNew().call(() -> {
            MessageLog m = messages.findById(id);
            List<Attachment> attachments = messages.attachments(id).stream()
                    .map((MessageAttachment a) -> new Attachment(a.fileName, a.contentType, a.content)).toList();
            return new OutgoingMessage(m.id, ChannelKind.valueOf(m.channel), m.address, m.subject, m.body, attachments);
        });
        MessageChannel channel = channels().get(out.channel());
        if (channel == null) {
            QuarkusTransaction.requiringNew().run(() -> notifications.noProvider(id));
            return;
        }
        SendResult result;
        try {
            result = channel.send(out);
        } catch (RuntimeException e) {
            // channels should answer, not throw; an escaped exception counts as a temporary failure
            LOG.warnf("channel %s threw for message %s: %s", out.channel(), id, e.toString());
            result = new SendResult.TemporaryFailure(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        SendResult answer = result;
        QuarkusTransaction.requiringNew().run(() -> notifications.applyResult(id, answer));
    }

    private Map<ChannelKind, MessageChannel> channels() {
        if (channels == null) {
            Map<ChannelKind, MessageChannel> found = new EnumMap<>(ChannelKind.class);
            for (MessageChannel c : channelBeans) {
                found.putIfAbsent(c.kind(), c);
            }
            channels = found;
        }
        return channels;
    }
}
