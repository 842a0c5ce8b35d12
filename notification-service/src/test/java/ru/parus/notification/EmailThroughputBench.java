package ru.parus.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.notification.config.NotificationConfig;
import ru.parus.notification.domain.MessageKind;
import ru.parus.notification.repository.MessageLogRepository;
import ru.parus.notification.service.NotificationService;

/**
 * Throughput of the e-mail channel (issue 7's note): N messages queued through the pipeline (consent, channel choice,
 * template, quiet hours) and sent by the dispatcher to a real GreenMail SMTP server. Off by default; run with
 * {@code mvn -B -ntp test -Dtest=EmailThroughputBench -Dparus.bench=true [-Dparus.bench.n=2000]}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "parus.bench", matches = "true")
class EmailThroughputBench {
    @Inject
    NotificationService notifications;
    @Inject
    MessageLogRepository messages;
    @Inject
    NotificationConfig config;

    int count(String sql, String run) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) messages.getEntityManager().createNativeQuery(sql)
                .setParameter(1, "BENCH:" + run + ":%").getSingleResult()).intValue());
    }

    @Test
    void emailMessagesPerSecond() throws Exception {
        int n = Integer.getInteger("parus.bench.n", 2000);
        String customer = Events.id();
        String to = "bench" + customer.substring(0, 8) + "@example.org";
        Events.sendConsent(Events.consent(customer, "EMAIL", null, null, null, "EMAIL", to));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) messages
                .getEntityManager().createNativeQuery("SELECT count(*) FROM customer_reachability WHERE customer_id = ?1 AND consent_version >= 0")
                .setParameter(1, UUID.fromString(customer)).getSingleResult()).intValue()) == 1);
        String run = customer.substring(0, 8);
        long started = System.nanoTime();
        for (int from = 0; from < n; from += 100) {
            int first = from;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = first; i < Math.min(n, first + 100); i++) {
                    notifications.request(new NotificationService.NewMessage(MessageKind.FREE_TEXT, "BENCH:" + run + ":" + i,
                            null, UUID.fromString(customer), null, null, "bench", Map.of("subject", "Прайс-лист",
                                    "text", "Здравствуйте! Прайс-лист на декабрь: сообщение " + i + "."), null));
                }
            });
        }
        double queuedSeconds = (System.nanoTime() - started) / 1e9;
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100)).until(() -> count(
                "SELECT count(*) FROM message_log WHERE cause LIKE ?1 AND status = 'SENT'", run) == n);
        double wallSeconds = (System.nanoTime() - started) / 1e9;
        Object[] t = QuarkusTransaction.requiringNew().call(() -> (Object[]) messages.getEntityManager().createNativeQuery("""
                SELECT EXTRACT(EPOCH FROM max(sent_at) - min(created_at)),
                       EXTRACT(EPOCH FROM max(sent_at) - min(sending_since)),
                       EXTRACT(EPOCH FROM avg(sent_at - created_at)),
                       EXTRACT(EPOCH FROM avg(sent_at - sending_since))
                FROM message_log WHERE cause LIKE ?1""").setParameter(1, "BENCH:" + run + ":%").getSingleResult());
        double queuedToSent = ((Number) t[0]).doubleValue();
        double sendingToSent = ((Number) t[1]).doubleValue();
        Events.awaitMails(to, n);
        assertEquals(n, Events.mailsTo(to).size(), "every message reached the SMTP server once");
        System.out.printf("%nBENCH e-mail: N=%d, dispatch-every=%s, dispatch-batch=%d%n", n, config.dispatchEvery(), config.dispatchBatch());
        System.out.printf("BENCH queueing %d messages through the pipeline: %.2f s (%.0f/s)%n", n, queuedSeconds, n / queuedSeconds);
        System.out.printf("BENCH first queued -> last SENT: %.2f s = %.0f messages/s (wall clock incl. polling: %.2f s)%n",
                queuedToSent, n / queuedToSent, wallSeconds);
        System.out.printf("BENCH first SENDING -> last SENT: %.2f s = %.0f messages/s%n", sendingToSent, n / sendingToSent);
        System.out.printf("BENCH mean latency queued -> SENT %.0f ms, claimed (SENDING) -> SENT %.0f ms%n%n",
                ((Number) t[2]).doubleValue() * 1000, ((Number) t[3]).doubleValue() * 1000);
    }
}
