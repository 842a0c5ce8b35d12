package ru.parus.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.infra.LocalInfra;
import ru.parus.infra.SmtpServer;
import ru.parus.infra.test.TestInfra;

/** The e-mail channel (R21) talks SMTP to a real server: what the mailer sends arrives there. */
@QuarkusTest
class MailerTest {
    @Inject
    Mailer mailer;

    @Test
    void aMailSentThroughTheMailerArrivesAtTheSmtpServer() throws Exception {
        String subject = "Ваш заказ готов к выдаче " + UUID.randomUUID();
        mailer.send(Mail.withText("anna@example.org", subject, "Заказ ждёт вас в пункте выдачи."));

        MimeMessage received = awaitReceived(subject);
        assertEquals(List.of("shop@parus.local"), addresses(received.getFrom()));
        assertEquals(List.of("anna@example.org"), addresses(received.getAllRecipients()));
        assertEquals("Заказ ждёт вас в пункте выдачи.", received.getContent().toString().strip());
    }

    /**
     * SMTP servers drop a connection left idle (421); the mailer's pool must not hand such a connection to the next
     * send. The test server drops idle clients after {@link LocalInfra#SCRATCH_SMTP_IDLE_TIMEOUT}.
     */
    @Test
    void aMailSentAfterTheServerDroppedTheIdleConnectionArrives() throws Exception {
        String first = "Счёт на оплату " + UUID.randomUUID();
        mailer.send(Mail.withText("anna@example.org", first, "Первое письмо."));
        awaitReceived(first);

        Thread.sleep(LocalInfra.SCRATCH_SMTP_IDLE_TIMEOUT.plusSeconds(1).toMillis());

        String second = "Напоминание об оплате " + UUID.randomUUID();
        mailer.send(Mail.withText("anna@example.org", second, "Второе письмо после паузы."));
        assertEquals("Второе письмо после паузы.", awaitReceived(second).getContent().toString().strip());
    }

    private static MimeMessage awaitReceived(String subject) {
        SmtpServer smtp = testSmtpServer();
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> Arrays.stream(smtp.greenMail().getReceivedMessages()).filter(m -> subjectOf(m).equals(subject))
                        .findFirst().orElse(null),
                m -> m != null);
    }

    /**
     * The GreenMail server the test resource started and the mailer is configured with. The test resource runs
     * in this test's class loader, so {@code startScratch()} returns the running servers; were it ever loaded
     * apart (a {@code @TestProfile} restarts Quarkus in a new loader), this would be another, fresh server,
     * which the port check below reports instead of letting the test wait on an empty mailbox.
     */
    private static SmtpServer testSmtpServer() {
        SmtpServer smtp = LocalInfra.startScratch().smtp();
        assertEquals(TestInfra.smtpPort(), smtp.port(), "the SMTP server the mailer sends to");
        return smtp;
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).toList();
    }
}
