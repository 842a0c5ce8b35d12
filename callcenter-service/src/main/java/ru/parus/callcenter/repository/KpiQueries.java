package ru.parus.callcenter.repository;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import ru.parus.callcenter.domain.KpiMetric;
import ru.parus.callcenter.domain.KpiMetric.Source;

/**
 * R23: the measured KPIs in one set-based query per source table: each metric is an aggregate with its own
 * FILTER, grouped per manager and, through the empty grouping set, for the whole department at once.
 */
@ApplicationScoped
public class KpiQueries {
    /** The key of the department's row in {@link #measure}'s result. */
    public static final String DEPARTMENT = "";

    @Inject
    EntityManager em;

    /**
     * Per manager (and {@link #DEPARTMENT}) the value of every measured metric in [from, to); R25's conversions count
     * orders placed within {@code conversionWindow} of a replenishment task.
     */
    public Map<String, Map<KpiMetric, BigDecimal>> measure(OffsetDateTime from, OffsetDateTime to,
            Duration conversionWindow) {
        Map<String, Map<KpiMetric, BigDecimal>> byManager = new HashMap<>();
        byManager.put(DEPARTMENT, new EnumMap<>(KpiMetric.class));
        for (Source source : Source.values()) {
            List<KpiMetric> metrics = new ArrayList<>();
            for (KpiMetric m : KpiMetric.values()) {
                if (m.source == source) {
                    metrics.add(m);
                }
            }
            if (metrics.isEmpty()) {
                continue;
            }
            String sql = sql(source, metrics);
            Query query = em.createNativeQuery(sql).setParameter("from", from).setParameter("to", to);
            if (sql.contains(":" + Source.CONVERSION_SECONDS)) {
                query.setParameter(Source.CONVERSION_SECONDS, (double) conversionWindow.toSeconds());
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = query.getResultList();
            for (Object[] row : rows) {
                String manager = row[0] == null ? DEPARTMENT : (String) row[0];
                Map<KpiMetric, BigDecimal> values = byManager.computeIfAbsent(manager, k -> new EnumMap<>(KpiMetric.class));
                for (int i = 0; i < metrics.size(); i++) {
                    Object v = row[i + 1];
                    if (v != null) {
                        values.put(metrics.get(i), new BigDecimal(v.toString()));
                    }
                }
            }
        }
        return byManager;
    }

    static String sql(Source source, List<KpiMetric> metrics) {
        StringBuilder select = new StringBuilder("SELECT ").append(source.managerColumn);
        for (KpiMetric m : metrics) {
            select.append(", ").append(m.aggregate);
            if (m.condition != null) {
                select.append(" FILTER (WHERE ").append(m.condition).append(')');
            }
        }
        select.append(" FROM ").append(source.table)
                .append(" WHERE ").append(source.managerColumn).append(" IS NOT NULL AND ")
                .append(source.timeColumn).append(" >= :from AND ").append(source.timeColumn).append(" < :to");
        if (source.condition != null) {
            select.append(" AND (").append(source.condition).append(')');
        }
        return select.append(" GROUP BY GROUPING SETS ((").append(source.managerColumn).append("), ())").toString();
    }
}
