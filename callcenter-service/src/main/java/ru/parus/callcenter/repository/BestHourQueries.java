package ru.parus.callcenter.repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import ru.parus.callcenter.domain.SuggestedWindow;
import ru.parus.callcenter.domain.SuggestedWindow.Basis;

/**
 * Issue 17 (R18, R21): the reach-rate tables, counted up as calls are registered, and the suggested windows of call
 * tasks computed from them set-based: each task's next 168 local hours (every weekday-hour once), those its customer
 * may be called in, scored by the customer's own rate where it rests on enough calls, else by everyone's.
 */
@ApplicationScoped
public class BestHourQueries {
    /**
     * {@code %s} is the tasks' filter on {@code ct}. A slot's rate is the customer's own when they have at least
     * :min calls in that weekday-hour, else the overall one when that has :min calls, else none. The best slot has
     * the highest rate; on a tie the customer's own, then the soonest.
     */
    private static final String WINDOWS = """
            WITH t AS (
                SELECT ct.id, ct.customer_id, ct.priority, ct.due_at, ct.created_at,
                       coalesce(cp.time_zone, :zone) AS zone, coalesce(cp.allowed_hours, :mask) AS mask
                FROM call_task ct LEFT JOIN customer_projection cp ON cp.customer_id = ct.customer_id
                WHERE %s
            ), slot AS (
                SELECT t.id AS task_id, t.customer_id, t.zone, t.mask, h.local_start,
                       CAST(extract(isodow FROM h.local_start) AS SMALLINT) AS weekday,
                       CAST(extract(hour FROM h.local_start) AS SMALLINT) AS hour
                FROM t CROSS JOIN LATERAL generate_series(
                        date_trunc('hour', CAST(:now AS timestamptz) AT TIME ZONE t.zone),
                        date_trunc('hour', CAST(:now AS timestamptz) AT TIME ZONE t.zone) + INTERVAL '167 hours',
                        INTERVAL '1 hour') AS h(local_start)
            ), scored AS (
                SELECT s.task_id, s.zone, s.local_start,
                       CASE WHEN cs.calls >= :min THEN 0 ELSE 1 END AS basis,
                       CASE WHEN cs.calls >= :min THEN CAST(cs.reached AS NUMERIC) / cs.calls
                            WHEN os.calls >= :min THEN CAST(os.reached AS NUMERIC) / os.calls END AS rate
                FROM slot s
                LEFT JOIN call_reach_stat cs ON cs.customer_id = s.customer_id AND cs.weekday = s.weekday AND cs.hour = s.hour
                LEFT JOIN call_reach_overall os ON os.weekday = s.weekday AND os.hour = s.hour
                WHERE (s.mask >> s.hour) & 1 = 1
            ), best AS (
                SELECT DISTINCT ON (task_id) task_id, local_start AT TIME ZONE zone AS starts,
                       (local_start + INTERVAL '1 hour') AT TIME ZONE zone AS ends, rate, basis
                FROM scored WHERE rate IS NOT NULL
                ORDER BY task_id, rate DESC, basis, local_start
            )
            SELECT t.id, b.starts, b.ends, b.rate, b.basis FROM t LEFT JOIN best b ON b.task_id = t.id
            """;

    @Inject
    EntityManager em;

    /** What a window is computed with: the department's zone and calling hours (mask), the calls a rate needs. */
    public record Settings(String zone, int mask, int minCalls) {
    }

    /** A task's row: its window, or null when no allowed hour has a rate yet. */
    public record TaskWindow(UUID taskId, SuggestedWindow window) {
    }

    /** One weekday-hour's counts. */
    public record Slot(int weekday, int hour, int calls, int reached) {
    }

    /** Counts one call in the customer's and the overall tables (in the registering transaction). */
    public void count(UUID customerId, int weekday, int hour, boolean reached) {
        int r = reached ? 1 : 0;
        em.createNativeQuery("""
                INSERT INTO call_reach_stat (customer_id, weekday, hour, calls, reached) VALUES (?1, ?2, ?3, 1, ?4)
                ON CONFLICT (customer_id, weekday, hour) DO UPDATE
                SET calls = call_reach_stat.calls + 1, reached = call_reach_stat.reached + excluded.reached""")
                .setParameter(1, customerId).setParameter(2, (short) weekday).setParameter(3, (short) hour)
                .setParameter(4, r).executeUpdate();
        em.createNativeQuery("""
                INSERT INTO call_reach_overall (weekday, hour, calls, reached) VALUES (?1, ?2, 1, ?3)
                ON CONFLICT (weekday, hour) DO UPDATE
                SET calls = call_reach_overall.calls + 1, reached = call_reach_overall.reached + excluded.reached""")
                .setParameter(1, (short) weekday).setParameter(2, (short) hour).setParameter(3, r).executeUpdate();
    }

    /** A merged customer's counts become the survivor's (added to theirs); a second run finds nothing to move. */
    public void merge(UUID mergedId, UUID survivorId) {
        em.createNativeQuery("""
                INSERT INTO call_reach_stat (customer_id, weekday, hour, calls, reached)
                SELECT ?2, weekday, hour, calls, reached FROM call_reach_stat WHERE customer_id = ?1
                ON CONFLICT (customer_id, weekday, hour) DO UPDATE
                SET calls = call_reach_stat.calls + excluded.calls, reached = call_reach_stat.reached + excluded.reached""")
                .setParameter(1, mergedId).setParameter(2, survivorId).executeUpdate();
        em.createNativeQuery("DELETE FROM call_reach_stat WHERE customer_id = ?1").setParameter(1, mergedId).executeUpdate();
    }

    /** The suggested window of each of these tasks as of {@code now}; a task without one maps to null. */
    public Map<UUID, SuggestedWindow> windows(Collection<UUID> taskIds, OffsetDateTime now, Settings settings) {
        Map<UUID, SuggestedWindow> result = new HashMap<>();
        if (taskIds.isEmpty()) {
            return result;
        }
        Query q = em.createNativeQuery(WINDOWS.formatted("ct.id IN (:ids)")).setParameter("ids", taskIds);
        for (TaskWindow w : rows(bind(q, now, settings))) {
            result.put(w.taskId(), w.window());
        }
        return result;
    }

    /**
     * The open tasks of the queue's filter (as {@link CallTaskRepository#queue}), those whose window starts soonest
     * first, tasks without a window last; then by priority and due time. One page of task ids.
     */
    public List<UUID> queueByWindow(String assignee, boolean allAssignees, OffsetDateTime overdueAt, OffsetDateTime now,
            Settings settings, int page, int size) {
        StringBuilder filter = new StringBuilder("ct.status = 'OPEN'");
        if (!allAssignees) {
            filter.append(assignee == null ? " AND ct.assignee IS NULL" : " AND ct.assignee = :assignee");
        }
        if (overdueAt != null) {
            filter.append(" AND ct.due_at < :overdueAt");
        }
        String sql = WINDOWS.formatted(filter) + """
                ORDER BY b.starts NULLS LAST, t.priority, t.due_at NULLS LAST, t.created_at, t.id
                LIMIT :size OFFSET :offset""";
        Query q = em.createNativeQuery(sql).setParameter("size", size).setParameter("offset", page * size);
        if (!allAssignees && assignee != null) {
            q.setParameter("assignee", assignee);
        }
        if (overdueAt != null) {
            q.setParameter("overdueAt", overdueAt);
        }
        return rows(bind(q, now, settings)).stream().map(TaskWindow::taskId).toList();
    }

    /** The customer's counts by weekday and hour. */
    public List<Slot> ofCustomer(UUID customerId) {
        return slots(em.createNativeQuery("SELECT weekday, hour, calls, reached FROM call_reach_stat "
                + "WHERE customer_id = ?1 ORDER BY weekday, hour").setParameter(1, customerId));
    }

    /** Everyone's counts by weekday and hour. */
    public List<Slot> overall() {
        return slots(em.createNativeQuery("SELECT weekday, hour, calls, reached FROM call_reach_overall ORDER BY weekday, hour"));
    }

    /** Whether PostgreSQL knows this time zone name (a zone Java knows but the database does not is not kept). */
    public boolean knownZone(String zone) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM pg_timezone_names WHERE name = ?1")
                .setParameter(1, zone).getSingleResult()).intValue() > 0;
    }

    private static Query bind(Query q, OffsetDateTime now, Settings s) {
        return q.setParameter("now", now).setParameter("zone", s.zone()).setParameter("mask", s.mask())
                .setParameter("min", s.minCalls());
    }

    @SuppressWarnings("unchecked")
    private static List<TaskWindow> rows(Query q) {
        List<TaskWindow> result = new ArrayList<>();
        for (Object[] row : (List<Object[]>) q.getResultList()) {
            UUID id = (UUID) row[0];
            if (row[1] == null) {
                result.add(new TaskWindow(id, null));
                continue;
            }
            BigDecimal rate = new BigDecimal(row[3].toString()).setScale(4, RoundingMode.HALF_UP);
            Basis basis = ((Number) row[4]).intValue() == 0 ? Basis.CUSTOMER : Basis.OVERALL;
            result.add(new TaskWindow(id, new SuggestedWindow(time(row[1]), time(row[2]), rate, basis)));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Slot> slots(Query q) {
        List<Slot> result = new ArrayList<>();
        for (Object[] row : (List<Object[]>) q.getResultList()) {
            result.add(new Slot(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), ((Number) row[2]).intValue(),
                    ((Number) row[3]).intValue()));
        }
        return result;
    }

    private static OffsetDateTime time(Object v) {
        if (v instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (v instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) v).toInstant().atOffset(ZoneOffset.UTC);
    }
}
