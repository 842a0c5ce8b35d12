package ru.parus.callcenter.repository;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** R23: the department's targets per calendar month. */
@ApplicationScoped
public class KpiTargetRepository {
    @Inject
    EntityManager em;

    public Map<String, BigDecimal> targets(YearMonth month) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT metric, target FROM kpi_target WHERE month = ?1 ORDER BY metric")
                .setParameter(1, month.toString()).getResultList();
        Map<String, BigDecimal> targets = new LinkedHashMap<>();
        for (Object[] row : rows) {
            targets.put((String) row[0], ((BigDecimal) row[1]).stripTrailingZeros());
        }
        return targets;
    }

    /** Replaces the month's targets: a metric left out no longer has a target. */
    public void replace(YearMonth month, Map<String, BigDecimal> targets, String setBy, OffsetDateTime at) {
        em.createNativeQuery("DELETE FROM kpi_target WHERE month = ?1").setParameter(1, month.toString()).executeUpdate();
        targets.forEach((metric, target) -> em.createNativeQuery(
                "INSERT INTO kpi_target (month, metric, target, set_by, set_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, month.toString()).setParameter(2, metric).setParameter(3, target)
                .setParameter(4, setBy).setParameter(5, at).executeUpdate());
    }
}
