package ru.parus.notification.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import ru.parus.notification.domain.MessageAttachment;
import ru.parus.notification.domain.MessageKind;
import ru.parus.notification.domain.MessageLog;
import ru.parus.notification.domain.MessageStatus;
import ru.parus.notification.domain.MessageStatusChange;
import ru.parus.platform.scan.ScanPacing;

@ApplicationScoped
public class MessageLogRepository implements PanacheRepositoryBase<MessageLog, UUID> {
    /** Not sent yet: queued, or waiting for its order to be known. */
    private static final List<MessageStatus> UNSENT = List.of(MessageStatus.QUEUED, MessageStatus.WAITING_ORDER);

    /** Inserts the row unless one with its cause exists; true when this call made it (each cause once, R21). */
    public boolean insertIfAbsent(MessageLog m) {
        int inserted = getEntityManager().createNativeQuery("""
                INSERT INTO message_log (id, customer_id, status, cause_event_id, kind, cause, order_id,
                                         requested_channel, requested_by, params, attempts, created_at, updated_at, version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0, ?11, ?11, 0)
                ON CONFLICT (cause) DO NOTHING""")
                .setParameter(1, m.id).setParameter(2, m.customerId).setParameter(3, m.status.name())
                .setParameter(4, m.causeEventId).setParameter(5, m.kind).setParameter(6, m.cause)
                .setParameter(7, m.orderId).setParameter(8, m.requestedChannel).setParameter(9, m.requestedBy)
                .setParameter(10, m.params).setParameter(11, m.createdAt)
                .executeUpdate();
        return inserted == 1;
    }

    public MessageLog byCause(String cause) {
        return find("cause", cause).firstResult();
    }

    /**
     * When the dispatcher next has something to do: the first queued message's {@code not_before}, or the first
     * SENDING row's start plus {@code staleAfter}; {@code ScanPacing.NOTHING_WAITING} when neither exists.
     */
    public Instant nextDue(Duration staleAfter) {
        return ScanPacing.earliest(getEntityManager(), """
                SELECT least((SELECT min(not_before) FROM message_log WHERE status = 'QUEUED'),
                             (SELECT min(sending_since) FROM message_log WHERE status = 'SENDING')
                                 + make_interval(secs => ?1))""", staleAfter.toNanos() / 1e9);
    }

    /** Due queued rows, locked; rows another replica holds are skipped, not waited for. */
    @SuppressWarnings("unchecked")
    public List<UUID> lockDue(OffsetDateTime now, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT id FROM message_log WHERE status = 'QUEUED' AND not_before <= ?1
                ORDER BY not_before LIMIT ?2 FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
    }

    /** Rows left SENDING by a crash mid-send, locked. */
    @SuppressWarnings("unchecked")
    public List<UUID> lockStaleSending(OffsetDateTime before, int limit) {
        return getEntityManager().createNativeQuery("""
                SELECT id FROM message_log WHERE status = 'SENDING' AND sending_since < ?1
                ORDER BY sending_since LIMIT ?2 FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, before).setParameter(2, limit).getResultList();
    }

    public List<MessageLog> ofCustomer(UUID customerId, int page, int size) {
        return find("customerId", Sort.descending("createdAt", "id"), customerId).page(Page.of(page, size)).list();
    }

    public long countOfCustomer(UUID customerId) {
        return count("customerId", customerId);
    }

    public List<MessageLog> waitingForOrder(UUID orderId) {
        return list("orderId = ?1 and status = ?2", orderId, MessageStatus.WAITING_ORDER);
    }

    /** Messages of {@code kind} about the order that are not sent yet (queued or waiting for the order). */
    public List<MessageLog> unsentOfOrder(UUID orderId, MessageKind kind) {
        return list("orderId = ?1 and kind = ?2 and status in ?3", orderId, kind.name(), UNSENT);
    }

    /**
     * The customer's messages of {@code kind} that are not sent yet. Filtered here, not by the caller: every OrderPlaced
     * asks (R25), and a customer's other unsent messages would be loaded and dirty-checked for nothing.
     */
    public List<MessageLog> unsentOfCustomer(UUID customerId, MessageKind kind) {
        return list("customerId = ?1 and kind = ?2 and status in ?3", customerId, kind.name(), UNSENT);
    }

    /** The customer's messages that are not sent yet (queued or waiting for the order). */
    public List<MessageLog> unsentOfCustomer(UUID customerId) {
        return list("customerId = ?1 and status in ?2", customerId, UNSENT);
    }

    /** CustomersMerged: the merged customer's message history moves to the survivor. */
    public void moveToCustomer(UUID from, UUID to) {
        getEntityManager().createQuery("update MessageLog set customerId = ?1 where customerId = ?2")
                .setParameter(1, to).setParameter(2, from).executeUpdate();
    }

    /**
     * R24: the customer's stored messages lose body, subject, address, parameters and attachments, and their status
     * history the providers' and retries' details; ids, kinds, statuses and times stay.
     */
    public void erasePersonalData(UUID customerId) {
        var em = getEntityManager();
        em.createNativeQuery("""
                DELETE FROM message_attachment WHERE message_id IN (SELECT id FROM message_log WHERE customer_id = ?1)""")
                .setParameter(1, customerId).executeUpdate();
        em.createQuery("""
                update MessageLog set params = null, address = null, subject = null, body = null,
                lastError = null where customerId = ?1""")
                .setParameter(1, customerId).executeUpdate();
        em.createNativeQuery("""
                UPDATE message_status_history SET detail = NULL
                WHERE detail IS NOT NULL AND message_id IN (SELECT id FROM message_log WHERE customer_id = ?1)""")
                .setParameter(1, customerId).executeUpdate();
    }

    public MessageLog byProviderMessageId(String providerMessageId) {
        return find("providerMessageId", providerMessageId).firstResult();
    }

    public List<MessageAttachment> attachments(UUID messageId) {
        return getEntityManager().createQuery(
                "from MessageAttachment where messageId = ?1 order by position", MessageAttachment.class)
                .setParameter(1, messageId).getResultList();
    }

    public List<MessageStatusChange> history(UUID messageId) {
        return getEntityManager().createQuery(
                "from MessageStatusChange where messageId = ?1 order by id", MessageStatusChange.class)
                .setParameter(1, messageId).getResultList();
    }
}
