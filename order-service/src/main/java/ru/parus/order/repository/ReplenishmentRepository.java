package ru.parus.order.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import ru.parus.order.event.OrderEvents;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.scan.ScanLock;
import ru.parus.platform.scan.ScanPacing;

/**
 * R25's statements: the run-out of an order's lines ({@link ru.parus.order.service.ReplenishmentPlanner}) and the
 * set-based scan that publishes ReplenishmentDue ({@link ru.parus.order.service.ReplenishmentScanner}).
 */
@ApplicationScoped
public class ReplenishmentRepository {
    /** Advisory lock key of the scan, unique in the orders database ("replenis"). */
    public static final long SCAN_LOCK = 0x7265706c656e6973L;

    /** Why a line due was not published; PUBLISHED when it was. Stored in {@code order_line.replenish_outcome}. */
    public enum Outcome {
        PUBLISHED, ORDER_CANCELLED, ERASED, REORDERED, NO_CHANNEL
    }

    /**
     * R25 in one statement per batch. {@code due}: the earliest lines due and not yet judged, locked (SKIP LOCKED: a
     * concurrent scan takes others); {@code judged}: why each is suppressed, if it is (the order cancelled or returned
     * since, the customer erased, a later order of the family that was not cancelled, no way to reach the customer:
     * neither a known phone for a call nor a consented message channel, R21) and how to reach them: the head's choice
     * for the category, but a call where MESSAGE was chosen and no channel is consented to); {@code claimed}: every
     * judged line marked at once,
     * so none is looked at again; the outbox rows of the published ones (docs/events/ReplenishmentDue.v1.schema.json,
     * the payload built by {@code jsonb_build_object}). A customer merged into another since the order (R24) is judged
     * as the survivor: a later order of the family by the survivor or anyone merged into it counts, the survivor's
     * channels and erasure decide (the merged one's while the survivor is not known here), and the event names the
     * survivor, so that the call task and the message follow the customer the call centre now knows.
     */
    static final String SCAN = """
            WITH due AS (
                SELECT l.id FROM order_line l
                WHERE l.replenish_due_at <= :now AND l.replenish_sent_at IS NULL
                ORDER BY l.replenish_due_at, l.id
                LIMIT :batch
                FOR UPDATE SKIP LOCKED
            ), judged AS (
                SELECT l.id,
                       CASE WHEN o.status IN ('CANCELLED', 'RETURNED') THEN 'ORDER_CANCELLED'
                            WHEN c.erased_at IS NOT NULL THEN 'ERASED'
                            WHEN EXISTS (SELECT 1 FROM customer_order later JOIN order_line ll ON ll.order_id = later.id
                                         WHERE later.customer_id = ANY (s.merged) AND later.placed_at > o.placed_at
                                           AND later.status <> 'CANCELLED' AND ll.family_id = l.family_id) THEN 'REORDERED'
                            WHEN NOT r.by_message AND NOT r.by_call THEN 'NO_CHANNEL'
                            ELSE 'PUBLISHED' END AS outcome,
                       CASE WHEN r.message_first AND r.by_message THEN 'MESSAGE' ELSE 'CALL' END AS contact_first,
                       s.id AS customer_id
                FROM due d
                JOIN order_line l ON l.id = d.id
                JOIN customer_order o ON o.id = l.order_id
                JOIN product_family f ON f.id = l.family_id
                CROSS JOIN LATERAL (SELECT %1$s AS id) survivor
                CROSS JOIN LATERAL (SELECT survivor.id, ARRAY%2$s AS merged) s
                LEFT JOIN LATERAL (SELECT p.* FROM customer_projection p WHERE p.customer_id IN (s.id, o.customer_id)
                                   ORDER BY p.customer_id = s.id DESC LIMIT 1) c ON true
                LEFT JOIN category_replenishment cr ON cr.category = f.category
                CROSS JOIN LATERAL (SELECT coalesce(cardinality(c.consented_channels), 0) > 0 AS by_message,
                                           coalesce(c.phone, '') <> '' AS by_call,
                                           coalesce(cr.contact_first, 'CALL') = 'MESSAGE' AS message_first) r
            ), claimed AS (
                UPDATE order_line l SET replenish_sent_at = :now, replenish_outcome = j.outcome
                FROM judged j
                WHERE l.id = j.id AND l.replenish_sent_at IS NULL
                RETURNING l.id, j.outcome, j.contact_first, j.customer_id
            ), due_events AS (
                SELECT CAST(o.id AS text) AS aggregate_id,
                       CAST(jsonb_build_object(
                           'orderId', o.id,
                           'orderLineId', l.id,
                           'customerId', cl.customer_id,
                           'managerId', coalesce(a.owner_manager_id, o.manager_id),
                           'familyId', l.family_id,
                           'sku', l.sku,
                           'productName', l.name,
                           'category', f.category,
                           'quantity', l.quantity,
                           'servingsPerPack', p.servings_per_pack,
                           'dailyServings', CAST(p.daily_servings AS double precision),
                           'startedOn', to_char(l.replenish_started_on, 'YYYY-MM-DD'),
                           'runOutOn', to_char(l.replenish_run_out_on, 'YYYY-MM-DD'),
                           'dueAt', to_char(l.replenish_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                           'basis', l.replenish_basis,
                           'contactFirst', cl.contact_first) AS text) AS payload
                FROM claimed cl
                JOIN order_line l ON l.id = cl.id
                JOIN customer_order o ON o.id = l.order_id
                JOIN product_family f ON f.id = l.family_id
                LEFT JOIN product p ON p.sku = l.sku
                LEFT JOIN access_customer_owner a ON a.customer_id = cl.customer_id
                WHERE cl.outcome = 'PUBLISHED'
                ORDER BY l.replenish_due_at, l.id
            ), %3$s
            SELECT (SELECT count(*) FROM claimed), (SELECT count(*) FROM published)"""
            .formatted(survivorOf("o.customer_id"), mergedWith("survivor.id"), Outbox.PUBLISHED);

    /**
     * R24: the customer a merged-away one now is, following CustomersMerged through any chain (at most 10 hops)
     * in {@code access_customer_owner}; a customer never merged is itself. A scalar subquery of {@code customer}.
     */
    static String survivorOf(String customer) {
        return """
                (WITH RECURSIVE chain(id, hops) AS (
                     SELECT %s, 0
                     UNION ALL
                     SELECT a.merged_into, ch.hops + 1 FROM chain ch JOIN access_customer_owner a ON a.customer_id = ch.id
                     WHERE a.merged_into IS NOT NULL AND ch.hops < 10)
                 SELECT id FROM chain ORDER BY hops DESC LIMIT 1)""".formatted(customer);
    }

    /** R24: the customer and everyone merged into them (through any chain, at most 10 hops): a subquery of ids. */
    static String mergedWith(String survivor) {
        return """
                (WITH RECURSIVE grp(id, hops) AS (
                     SELECT %s, 0
                     UNION ALL
                     SELECT a.customer_id, g.hops + 1 FROM grp g JOIN access_customer_owner a ON a.merged_into = g.id
                     WHERE g.hops < 10)
                 SELECT id FROM grp)""".formatted(survivor);
    }

    /** The scan's WHERE without its threshold, the first entry of its partial index: the next line to fall due. */
    private static final String FIRST_DUE = """
            SELECT min(replenish_due_at) FROM order_line WHERE replenish_sent_at IS NULL AND replenish_due_at IS NOT NULL""";

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;

    /** A line whose run-out can be computed: its product's consumption figures are known. */
    public record Plannable(long lineId, UUID customerId, OffsetDateTime placedAt, UUID familyId, int quantity,
            int servingsPerPack, BigDecimal dailyServings) {
    }

    /** How many lines a batch judged and how many of them were published. */
    public record Batch(int judged, int published) {
    }

    /** One replica scans at a time: false when another holds the scan's lock (until its transaction ends). */
    public boolean tryScanLock() {
        return ScanLock.tryAcquire(em, SCAN_LOCK);
    }

    /** When the next line waiting falls due; {@code ScanPacing.NOTHING_WAITING} when none waits. */
    public Instant firstDue() {
        return ScanPacing.earliest(em, FIRST_DUE);
    }

    /** Claims and judges up to {@code batch} lines due at {@code now}, writes the outbox rows of the published ones. */
    public Batch claimAndPublish(OffsetDateTime now, int batch) {
        Object[] counts = (Object[]) outbox.publishAll(SCAN, "due_events", OrderEvents.TOPIC, OrderEvents.AGGREGATE,
                        OrderEvents.REPLENISHMENT_DUE)
                .setParameter("now", now)
                .setParameter("batch", batch)
                .getSingleResult();
        return new Batch(((Number) counts[0]).intValue(), ((Number) counts[1]).intValue());
    }

    /** The order's lines not yet judged whose variant has both consumption figures and a family. */
    @SuppressWarnings("unchecked")
    public List<Plannable> plannable(UUID orderId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT l.id, o.customer_id, o.placed_at, coalesce(l.family_id, p.family_id), l.quantity,
                       p.servings_per_pack, p.daily_servings
                FROM order_line l
                JOIN customer_order o ON o.id = l.order_id
                JOIN product p ON p.sku = l.sku
                WHERE l.order_id = ?1 AND l.replenish_sent_at IS NULL
                  AND p.servings_per_pack IS NOT NULL AND p.daily_servings IS NOT NULL
                  AND coalesce(l.family_id, p.family_id) IS NOT NULL
                ORDER BY l.line_no""").setParameter(1, orderId).getResultList();
        return rows.stream().map(r -> new Plannable(((Number) r[0]).longValue(), (UUID) r[1], offsetDateTime(r[2]),
                (UUID) r[3], ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), (BigDecimal) r[6])).toList();
    }

    /**
     * The dates (UTC) of the customer's orders of the family placed before {@code before}, not cancelled, one per order;
     * a merged customer's orders count with the survivor's (R24).
     */
    @SuppressWarnings("unchecked")
    public List<LocalDate> earlierPurchases(UUID customerId, UUID familyId, OffsetDateTime before) {
        List<Object> rows = em.createNativeQuery("""
                SELECT CAST(o.placed_at AT TIME ZONE 'UTC' AS date) FROM customer_order o
                WHERE o.customer_id IN %s AND o.placed_at < ?3 AND o.status <> 'CANCELLED'
                  AND EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id AND l.family_id = ?2)
                ORDER BY o.placed_at""".formatted(mergedWith(survivorOf("CAST(?1 AS uuid)")))).setParameter(1, customerId).setParameter(2, familyId).setParameter(3, before)
                .getResultList();
        return rows.stream().map(ReplenishmentRepository::localDate).toList();
    }

    /** Stores a line's run-out and due time, unless the line was judged already (then its episode is over). */
    public void schedule(long lineId, UUID familyId, LocalDate startedOn, LocalDate runOutOn, String basis,
            OffsetDateTime dueAt) {
        em.createNativeQuery("""
                UPDATE order_line SET family_id = coalesce(family_id, ?2), replenish_started_on = ?3,
                    replenish_run_out_on = ?4, replenish_basis = ?5, replenish_due_at = ?6
                WHERE id = ?1 AND replenish_sent_at IS NULL""")
                .setParameter(1, lineId).setParameter(2, familyId).setParameter(3, startedOn)
                .setParameter(4, runOutOn).setParameter(5, basis).setParameter(6, dueAt).executeUpdate();
    }

    /** Records the first delivery of the order; false when the order is unknown. */
    public boolean delivered(UUID orderId, OffsetDateTime at) {
        return em.createNativeQuery("UPDATE customer_order SET delivered_at = coalesce(delivered_at, ?2) WHERE id = ?1")
                .setParameter(1, orderId).setParameter(2, at).executeUpdate() > 0;
    }

    public boolean isDelivered(UUID orderId) {
        return !em.createNativeQuery("SELECT 1 FROM customer_order WHERE id = ?1 AND delivered_at IS NOT NULL")
                .setParameter(1, orderId).getResultList().isEmpty();
    }

    private static OffsetDateTime offsetDateTime(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) o).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    private static LocalDate localDate(Object o) {
        return o instanceof LocalDate d ? d : ((java.sql.Date) o).toLocalDate();
    }
}
