package ru.parus.systemtests.fuzz;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import ru.parus.infra.test.TestInfra;

/**
 * A cheap fingerprint of one service's database: per table its row count and the highest {@code xmin} (the id of
 * the transaction that wrote the newest row version, so an UPDATE shows as well as an INSERT; a DELETE shows in the
 * count). One statement per call. The {@code outbox} is fingerprinted by its newest row's time only: the relay marks
 * rows sent and the pruner deletes old sent rows in the background, but only a write adds a newer row. The
 * {@code inbox} by count only: an inbox row means a consumer, not a request, wrote.
 */
final class DataFingerprint implements AutoCloseable {
    private final Connection db;
    private final List<String> tables;
    private final String query;
    /** Tables found changing with no request in flight (schedulers, dispatchers): their xmin is not compared. */
    private final Set<String> noisy = new TreeSet<>();

    DataFingerprint(String database) {
        try {
            db = DriverManager.getConnection(TestInfra.database(database), TestInfra.databaseUser(), TestInfra.databasePassword());
            db.setAutoCommit(true);
            List<String> names = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                            + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history' ORDER BY 1")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            tables = List.copyOf(names);
            query = tables.isEmpty() ? null : tables.stream()
                    .map(t -> "SELECT '" + t + "', " + fingerprint(t) + " FROM \"" + t + "\"")
                    .collect(Collectors.joining(" UNION ALL "));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tables of " + database, e);
        }
    }

    /** Two columns: a count and a version, each 0 where it says nothing about requests. */
    private static String fingerprint(String table) {
        return switch (table) {
            case "outbox" -> "0, coalesce(CAST(extract(epoch FROM max(occurred_at)) * 1000000 AS bigint), 0)";
            case "inbox" -> "count(*), 0";
            default -> "count(*), coalesce(max(xmin::text::bigint), 0)";
        };
    }

    List<String> tables() {
        return tables;
    }

    /** table -> "count/xmin". */
    Map<String, String> take() {
        Map<String, String> result = new LinkedHashMap<>();
        if (query == null) {
            return result;
        }
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                result.put(rs.getString(1), rs.getLong(2) + "/" + rs.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("fingerprint failed", e);
        }
        return result;
    }

    /** The tables whose fingerprint differs, ignoring the xmin of {@link #noisy} tables. */
    Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> changed = new TreeSet<>();
        for (String table : tables) {
            String a = before.get(table);
            String b = after.get(table);
            if (a == null || b == null || a.equals(b)) {
                continue;
            }
            if (noisy.contains(table) && a.split("/")[0].equals(b.split("/")[0])) {
                continue; // only the xmin of a table that changes by itself
            }
            changed.add(table);
        }
        return changed;
    }

    /** Inbox count differs: a consumer committed an effect in the window, so a change may not be the request's. */
    static boolean consumerRan(Map<String, String> before, Map<String, String> after) {
        String a = before.get("inbox");
        return a != null && !a.equals(after.get("inbox"));
    }

    /** Watches the database with no request in flight for {@code millis}; tables that change are marked noisy. */
    Set<String> learnNoise(long millis) {
        Map<String, String> a = take();
        sleep(millis);
        Map<String, String> b = take();
        Set<String> moved = new TreeSet<>();
        for (String table : tables) {
            if (!a.get(table).equals(b.get(table))) {
                moved.add(table);
            }
        }
        noisy.addAll(moved);
        return moved;
    }

    Set<String> noisy() {
        return noisy;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
