package ru.parus.order.repository;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.parus.order.domain.Order;
import ru.parus.order.domain.OrderHistoryEntry;
import ru.parus.order.domain.OrderLine;
import ru.parus.order.domain.Product;
import ru.parus.platform.access.AccessProjection;
import ru.parus.platform.access.CustomerOwner;
import ru.parus.platform.outbox.OutboxMessage;

/**
 * A phone order's placement through the reactive PostgreSQL client (issue 15), in the caller's transaction: the reads
 * it decides on and the rows Hibernate would write for the {@link Order}, its lines, its PLACED history entry and its
 * event. The statements of one step go out together (the client pipelines them on the connection). A column added to
 * {@link Order} or {@link OrderLine} that a new order sets must be added here too: PhoneOrderPlacementTest reads a placed
 * order back through Hibernate and compares its fields.
 */
public final class PlacementStore {
    private static final String OWNER_OF = AccessProjection.OWNER_OF.formatted("$1");
    private static final String MANAGERS_COVERED_BY = AccessProjection.MANAGERS_COVERED_BY.formatted("$1", "$2");
    private static final String KEY_TAKEN = "SELECT EXISTS (SELECT 1 FROM customer_order WHERE idempotency_key = $1)";
    private static final String PRODUCTS = """
            SELECT sku, name, price_kopecks, active, family_id FROM product WHERE sku = ANY($1)""";
    private static final String INSERT_ORDER = """
            INSERT INTO customer_order (id, customer_id, channel, status, manager_id, placed_at, currency, total_kopecks,
                                        idempotency_key, request_hash, payable_kopecks, version)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)""";
    // ids from the column's default: a whole sequence value each, which no Hibernate block contains (V90)
    private static final String INSERT_LINE = """
            INSERT INTO order_line (order_id, line_no, sku, name, family_id, quantity, unit_price_kopecks,
                                    line_total_kopecks)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""";
    private static final String INSERT_HISTORY = """
            INSERT INTO order_history (order_id, at, actor, kind, from_status, to_status, reason, details)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""";

    private PlacementStore() {
    }

    /** The facts of R24 and R22 for a manager: the customer's owner and the managers the caller covers at {@code now}. */
    public record OwnerFacts(CustomerOwner owner, Set<String> covered) {
    }

    public static Uni<OwnerFacts> ownerFacts(SqlConnection db, UUID customerId, String staffId, OffsetDateTime now) {
        Uni<CustomerOwner> owner = db.preparedQuery(OWNER_OF).execute(Tuple.of(customerId))
                .map(rows -> rows.size() == 0 ? CustomerOwner.UNKNOWN
                        : CustomerOwner.of(rows.iterator().next().getString(0)));
        Uni<Set<String>> covered = db.preparedQuery(MANAGERS_COVERED_BY).execute(Tuple.of(staffId, now))
                .map(rows -> {
                    Set<String> managers = new HashSet<>();
                    rows.forEach(r -> managers.add(r.getString(0)));
                    return managers;
                });
        return Uni.combine().all().unis(owner, covered).asTuple()
                .map(t -> new OwnerFacts(t.getItem1(), t.getItem2()));
    }

    /** Whether an earlier request placed an order with this idempotency key (R3); the caller replays that order. */
    public static Uni<Boolean> keyTaken(SqlConnection db, String idempotencyKey) {
        return db.preparedQuery(KEY_TAKEN).execute(Tuple.of(idempotencyKey))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** The products with these SKUs, by SKU, as pricing reads them (unknown SKUs are absent). */
    public static Uni<Map<String, Product>> forPricing(SqlConnection db, Set<String> skus) {
        return db.preparedQuery(PRODUCTS).execute(Tuple.of(skus.toArray(String[]::new))).map(PlacementStore::products);
    }

    private static Map<String, Product> products(RowSet<Row> rows) {
        Map<String, Product> bySku = new HashMap<>();
        for (Row row : rows) {
            Product p = new Product();
            p.sku = row.getString("sku");
            p.name = row.getString("name");
            p.priceKopecks = row.getLong("price_kopecks");
            p.active = row.getBoolean("active");
            p.familyId = row.getUUID("family_id");
            bySku.put(p.sku, p);
        }
        return bySku;
    }

    /** Inserts the new order, its lines, its PLACED entry and its event, all sent at once. */
    public static Uni<Void> insert(SqlConnection db, Order order, OrderHistoryEntry placed, OutboxMessage event) {
        Uni<RowSet<Row>> orderRow = db.preparedQuery(INSERT_ORDER).execute(Tuple.from(Arrays.asList(order.id,
                order.customerId, order.channel.name(), order.status.name(), order.managerId, order.placedAt,
                order.currency, order.totalKopecks, order.idempotencyKey, order.requestHash, order.payableKopecks(),
                order.version)));
        List<Tuple> lines = order.lines.stream().map(l -> Tuple.from(Arrays.asList(order.id, l.lineNo, l.sku, l.name,
                l.familyId, l.quantity, l.unitPriceKopecks, l.lineTotalKopecks))).toList();
        Uni<RowSet<Row>> lineRows = db.preparedQuery(INSERT_LINE).executeBatch(lines);
        Uni<RowSet<Row>> historyRow = db.preparedQuery(INSERT_HISTORY).execute(Tuple.from(Arrays.asList(
                placed.orderId, placed.at, placed.actor, placed.kind.name(), name(placed.fromStatus),
                name(placed.toStatus), placed.reason, placed.details)));
        Uni<RowSet<Row>> eventRow = db.preparedQuery(OutboxMessage.INSERT).execute(Tuple.from(event.insertValues()));
        // subscribed together, so the four go out before the first answer comes back; the order's row is first
        return Uni.combine().all().unis(orderRow, lineRows, historyRow, eventRow).discardItems();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
