package ru.parus.callcenter.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.callcenter.config.BestHourConfig;
import ru.parus.callcenter.domain.CallingHours;
import ru.parus.callcenter.domain.CustomerProjection;
import ru.parus.callcenter.domain.PhoneCall;
import ru.parus.callcenter.domain.SuggestedWindow;
import ru.parus.callcenter.repository.BestHourQueries;
import ru.parus.callcenter.repository.BestHourQueries.Settings;
import ru.parus.callcenter.repository.BestHourQueries.Slot;
import ru.parus.callcenter.repository.CustomerProjectionRepository;

/**
 * Issue 17, the best hour to call (R18, R21, R23). Every outbound call to a known customer, once finished, counts in
 * the weekday-hour of the customer's local time (their zone from customer-service, else the department's), unless
 * that hour touches their quiet hours (theirs, else the department's): calls are made only in allowed hours (R21).
 * A call task's suggested window is the allowed hour, within the coming week, with the best reach rate: per
 * weekday-hour the customer's own rate where they have at least {@code min-calls} calls there, else everyone's with
 * at least as many; on a tie the customer's own, then the soonest.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BestHours {
    @Inject
    BestHourQueries queries;
    @Inject
    CustomerProjectionRepository customers;
    @Inject
    BestHourConfig config;
    @Inject
    Clock clock;

    /** A customer's (or, without one, only everyone's) counts, with the zone and hours they are read in. */
    public record ReachRates(UUID customerId, String timeZone, boolean ownTimeZone, LocalTime quietFrom,
            LocalTime quietTo, boolean ownQuietHours, int minCalls, List<Rate> customer, List<Rate> overall) {
    }

    /** ISO weekday (1 = Monday) and local hour. */
    public record Rate(int weekday, int hour, int calls, int reached, BigDecimal reachRate) {
        static Rate of(Slot s) {
            return new Rate(s.weekday(), s.hour(), s.calls(), s.reached(), s.calls() == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(s.reached()).divide(BigDecimal.valueOf(s.calls()), 4, RoundingMode.HALF_UP));
        }
    }

    /** R18: counts a finished outbound call to a known customer, in the transaction that registers it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void count(PhoneCall call) {
        if (!"OUTBOUND".equals(call.direction) || call.customerId == null || !call.status.finished()) {
            return;
        }
        CustomerProjection c = customers.findById(call.customerId);
        ZonedDateTime local = call.startedAt.atZoneSameInstant(zone(c));
        int hour = local.getHour();
        if (!CallingHours.allows(mask(c), hour)) {
            return; // R21: not an hour the customer may be called in, so never one to suggest
        }
        queries.count(call.customerId, local.getDayOfWeek().getValue(), hour, call.reached());
    }

    /** CustomersMerged: the merged customer's calls count as the survivor's (whose tasks they now are). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void merged(UUID survivorId, UUID mergedId) {
        if (!survivorId.equals(mergedId)) {
            queries.merge(mergedId, survivorId);
        }
    }

    /** The suggested windows of these tasks now (null for a task no allowed hour has a rate for). */
    public Map<UUID, SuggestedWindow> windows(Collection<UUID> taskIds) {
        return windows(taskIds, now());
    }

    /** R23: whether a call for the task started inside the task's suggested window as of the call's start; null: none. */
    public Boolean insideWindow(UUID taskId, OffsetDateTime startedAt) {
        SuggestedWindow w = windows(List.of(taskId), startedAt).get(taskId);
        return w == null ? null : w.contains(startedAt);
    }

    /** One page of the queue, tasks whose window starts soonest first (see {@link BestHourQueries#queueByWindow}). */
    public List<UUID> queueByWindow(String assignee, boolean allAssignees, OffsetDateTime overdueAt, int page, int size) {
        return queries.queueByWindow(assignee, allAssignees, overdueAt, now(), settings(), page, size);
    }

    /** The counts behind the windows: the customer's (if given) and everyone's. */
    public ReachRates rates(UUID customerId) {
        CustomerProjection c = customerId == null ? null : customers.findById(customerId);
        boolean ownHours = c != null && c.allowedHours != null;
        return new ReachRates(customerId, zone(c).getId(), c != null && c.timeZone != null,
                ownHours ? c.quietFrom : config.defaultQuietFrom(), ownHours ? c.quietTo : config.defaultQuietTo(),
                ownHours, config.minCalls(),
                customerId == null ? List.of() : queries.ofCustomer(customerId).stream().map(Rate::of).toList(),
                queries.overall().stream().map(Rate::of).toList());
    }

    /** Whether PostgreSQL can read times in this zone (kept on the projection only then). */
    public boolean usableZone(ZoneId zone) {
        return zone != null && queries.knownZone(zone.getId());
    }

    private Map<UUID, SuggestedWindow> windows(Collection<UUID> taskIds, OffsetDateTime now) {
        Map<UUID, SuggestedWindow> result = new HashMap<>();
        queries.windows(taskIds, now, settings()).forEach((id, w) -> result.put(id, w == null ? null
                // the hour under way: from now on
                : new SuggestedWindow(w.from().isBefore(now) ? now : w.from(), w.to(), w.reachRate(), w.basis())));
        return result;
    }

    private Settings settings() {
        return new Settings(config.defaultZone().getId(), defaultHours().mask(), config.minCalls());
    }

    private CallingHours defaultHours() {
        return new CallingHours(config.defaultQuietFrom(), config.defaultQuietTo());
    }

    private ZoneId zone(CustomerProjection c) {
        return c != null && c.timeZone != null ? ZoneId.of(c.timeZone) : config.defaultZone();
    }

    private int mask(CustomerProjection c) {
        return c != null && c.allowedHours != null ? c.allowedHours : defaultHours().mask();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
