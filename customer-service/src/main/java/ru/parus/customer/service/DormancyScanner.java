package ru.parus.customer.service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import ru.parus.customer.config.CustomerConfig;
import ru.parus.customer.repository.DormancyRepository;
import ru.parus.platform.scan.ScanPacing;

/**
 * R14: a customer with no orders for {@code parus.customer.dormant-after} (6 months) becomes dormant and
 * {@code CustomerDormant} is published, once per dormancy episode.
 *
 * <p>The scan is one SQL statement per batch ({@link DormancyRepository#markDormant}): it selects the due
 * customers, marks them dormant and writes their outbox rows ({@code Outbox.publishAll}) in the same
 * transaction, so nothing loops over customers in Java. It is safe with several replicas twice over: a transaction-scoped advisory lock lets one replica scan at a time,
 * and the conditional {@code UPDATE ... WHERE dormant_since IS NULL} on rows locked {@code FOR UPDATE
 * SKIP LOCKED} cannot mark a customer dormant twice in one episode. The same statement records the
 * episode on the customer's timeline (R6). The next order ends the episode
 * ({@link CustomerService#orderPlaced}). Between the due times the scheduled ticks skip the database
 * ({@link ScanPacing}).
 */
@ApplicationScoped
public class DormancyScanner {
    private static final Logger LOG = Logger.getLogger(DormancyScanner.class);
    public static final String JOB = "dormancy-scan";

    @Inject
    DormancyRepository dormancy;
    @Inject
    CustomerConfig config;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper mapper;
    @Inject
    ScanPacing pacing;

    @Scheduled(identity = JOB, every = "${parus.customer.dormancy-scan-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        pacing.run(JOB, () -> {
            List<JsonNode> fired = scan();
            if (!fired.isEmpty()) {
                LOG.infof("dormancy scan: %d customers turned dormant", fired.size());
            }
            return nextDue();
        });
    }

    /** When the next customer turns dormant (issue 15: the ticks before it skip the database). */
    Instant nextDue() {
        return dormantFrom(QuarkusTransaction.requiringNew().call(dormancy::oldestActivity), config.dormantAfter());
    }

    /**
     * R14: the first instant at which the scan's {@code active_at <= now - dormantAfter} holds for a customer last
     * active at {@code lastActive} ({@link ScanPacing#NOTHING_WAITING} stays). Month arithmetic clamps: six months after
     * 31 August is 28 February, but on that day {@code now - 6 months} is still before 31 August; the scan sees it
     * from the midnight after.
     */
    static Instant dormantFrom(Instant lastActive, Period dormantAfter) {
        if (lastActive.equals(ScanPacing.NOTHING_WAITING)) {
            return lastActive;
        }
        OffsetDateTime active = lastActive.atOffset(ZoneOffset.UTC);
        OffsetDateTime due = active.plus(dormantAfter);
        if (due.minus(dormantAfter).isBefore(active)) {
            due = due.truncatedTo(ChronoUnit.DAYS).plusDays(1);
        }
        return due.toInstant();
    }

    /**
     * R14: marks every customer due as dormant and publishes their {@code CustomerDormant}; returns the
     * payloads published. Another replica scanning at the same moment makes this call return nothing.
     */
    public List<JsonNode> scan() {
        List<JsonNode> fired = new ArrayList<>();
        List<JsonNode> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::scanBatch);
            fired.addAll(batch);
        } while (batch.size() >= config.dormancyScanBatch());
        return fired;
    }

    private List<JsonNode> scanBatch() {
        if (!dormancy.tryScanLock()) {
            return List.of(); // another replica is scanning; its result is the same
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime threshold = now.minus(config.dormantAfter());
        // the outbox relay wakes right after this commit (Outbox.publishAll)
        List<String> payloads = dormancy.markDormant(threshold, now, config.dormancyScanBatch(), config.dormantAfter());
        return payloads.stream().map(this::read).toList();
    }

    private JsonNode read(String payload) {
        try {
            return mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dormancy scan wrote unreadable JSON", e);
        }
    }
}
