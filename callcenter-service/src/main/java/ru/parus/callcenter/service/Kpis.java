package ru.parus.callcenter.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.callcenter.config.KpiConfig;
import ru.parus.callcenter.domain.KpiMetric;
import ru.parus.callcenter.repository.KpiQueries;
import ru.parus.callcenter.repository.KpiTargetRepository;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/**
 * R23: managers' KPIs per period, computed from what was registered (tasks, orders, upsell offers, ...), and the
 * department's monthly targets against the actuals.
 */
@ApplicationScoped
public class Kpis {
    @Inject
    KpiQueries queries;
    @Inject
    KpiTargetRepository targets;
    @Inject
    KpiConfig config;
    @Inject
    Clock clock;

    /** One manager's (or the department's) figures; every metric present, 0 where nothing was registered. */
    public record Figures(String managerId, Map<KpiMetric, BigDecimal> values) {
    }

    public record TargetVsActual(KpiMetric metric, BigDecimal target, BigDecimal actual, BigDecimal achievedPercent) {
    }

    /** {@code to} is the last day included; {@code targets} is filled when the period is one calendar month. */
    public record Report(LocalDate from, LocalDate to, List<Figures> managers, Figures department,
            List<TargetVsActual> targets) {
    }

    /** The period: an explicit [from, to] of days, or a month, or the current month. */
    public record Period(LocalDate from, LocalDate to) {
        YearMonth wholeMonth() {
            YearMonth month = YearMonth.from(from);
            return from.equals(month.atDay(1)) && to.equals(month.atEndOfMonth()) ? month : null;
        }
    }

    public Period period(LocalDate from, LocalDate to, YearMonth month) {
        if (month != null && (from != null || to != null)) {
            throw ProblemException.invalidField("month", "give either month or from/to, not both");
        }
        if (month == null && from == null && to == null) {
            month = YearMonth.now(clock.withZone(config.zone()));
        }
        if (month != null) {
            return new Period(month.atDay(1), month.atEndOfMonth());
        }
        if (from == null || to == null) {
            throw ProblemException.invalidField(from == null ? "from" : "to", "both from and to are needed (dates, to included)");
        }
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        if (Duration.ofDays(to.toEpochDay() - from.toEpochDay() + 1).compareTo(config.maxPeriod()) > 0) {
            throw ProblemException.invalidField("to", "the period may be at most " + config.maxPeriod().toDays() + " days");
        }
        return new Period(from, to);
    }

    /** R23: the report; {@code onlyManager} (a manager's own view) keeps that manager's row and the department's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Report report(Period period, String onlyManager) {
        OffsetDateTime start = period.from().atStartOfDay(config.zone()).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime end = period.to().plusDays(1).atStartOfDay(config.zone()).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
        Map<String, Map<KpiMetric, BigDecimal>> measured = queries.measure(start, end, config.replenishmentConversionWindow());
        Figures department = figures(null, measured.get(KpiQueries.DEPARTMENT));
        List<Figures> managers = new ArrayList<>();
        measured.forEach((manager, values) -> {
            if (!manager.equals(KpiQueries.DEPARTMENT) && (onlyManager == null || onlyManager.equals(manager))) {
                managers.add(figures(manager, values));
            }
        });
        if (onlyManager != null && managers.isEmpty()) {
            managers.add(figures(onlyManager, Map.of()));
        }
        managers.sort(Comparator.comparing(Figures::managerId));
        YearMonth month = period.wholeMonth();
        return new Report(period.from(), period.to(), managers, department,
                month == null ? List.of() : targetsVsActuals(month, department));
    }

    private static Figures figures(String manager, Map<KpiMetric, BigDecimal> measured) {
        Map<KpiMetric, BigDecimal> values = new EnumMap<>(KpiMetric.class);
        for (KpiMetric m : KpiMetric.values()) {
            if (!m.derived()) {
                values.put(m, measured.getOrDefault(m, BigDecimal.ZERO));
            }
        }
        for (KpiMetric m : KpiMetric.values()) {
            if (m.derived()) {
                BigDecimal denominator = values.get(m.denominator);
                values.put(m, denominator.signum() == 0 ? BigDecimal.ZERO
                        : values.get(m.numerator).divide(denominator, m.scale, RoundingMode.HALF_UP));
            }
        }
        return new Figures(manager, values);
    }

    private List<TargetVsActual> targetsVsActuals(YearMonth month, Figures department) {
        List<TargetVsActual> result = new ArrayList<>();
        targets.targets(month).forEach((name, target) -> {
            KpiMetric metric = KpiMetric.valueOf(name);
            BigDecimal actual = department.values().get(metric);
            BigDecimal achieved = target.signum() == 0 ? null
                    : actual.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP);
            result.add(new TargetVsActual(metric, target, actual, achieved));
        });
        return result;
    }

    /** R23: the head sets the department's targets for a month (all of them at once; a metric left out has none). */
    @Transactional
    public Map<KpiMetric, BigDecimal> setTargets(YearMonth month, Map<String, BigDecimal> byJsonName, String headId) {
        if (byJsonName == null || byJsonName.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "name at least one metric with its target")
                    .with("metrics", metricNames());
        }
        Map<String, BigDecimal> byMetric = new LinkedHashMap<>();
        Map<KpiMetric, BigDecimal> accepted = new EnumMap<>(KpiMetric.class);
        for (Map.Entry<String, BigDecimal> e : byJsonName.entrySet()) {
            KpiMetric metric = KpiMetric.fromJsonName(e.getKey());
            if (metric == null) {
                throw ProblemException.invalidField(e.getKey(), "not a KPI metric").with("metrics", metricNames());
            }
            if (e.getValue() == null || e.getValue().signum() < 0) {
                throw ProblemException.invalidField(e.getKey(), "the target must be a number of 0 or more");
            }
            if (e.getValue().precision() - e.getValue().scale() > 14 || e.getValue().scale() > 4) {
                throw ProblemException.invalidField(e.getKey(), "at most 14 digits before and 4 after the point");
            }
            byMetric.put(metric.name(), e.getValue());
            accepted.put(metric, e.getValue());
        }
        targets.replace(month, byMetric, headId, OffsetDateTime.now(clock));
        return accepted;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<KpiMetric, BigDecimal> targets(YearMonth month) {
        Map<KpiMetric, BigDecimal> result = new EnumMap<>(KpiMetric.class);
        targets.targets(month).forEach((name, target) -> result.put(KpiMetric.valueOf(name), target));
        return result;
    }

    public static List<String> metricNames() {
        List<String> names = new ArrayList<>();
        for (KpiMetric m : KpiMetric.values()) {
            names.add(m.jsonName());
        }
        return names;
    }
}
