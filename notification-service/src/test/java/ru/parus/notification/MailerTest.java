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
     * send. The test server drops idle clients after {@link TestInfra#smtpIdleTimeout()} (10 s embedded, GreenMail
     * standalone's fixed 30 s in a container).
     */
    @Test
    void aMailSentAfterTheServerDroppedTheIdleConnectionArrives() throws Exception {
        String first = "Счёт на оплату " + UUID.randomUUID();
        mailer.send(Mail.withText("anna@example.org", first, "Первое письмо."));
        awaitReceived(first);

        Thread.sleep(TestInfra.smtpIdleTimeout().plusSeconds(1).toMillis());

        String second = "Напоминание об оплате " + UUID.randomUUID();
        mailer.send(Mail.withText("anna@example.org", second, "Второе письмо после паузы."));
        assertEquals("Второе письмо после паузы.", awaitReceived(second).getContent().toString().strip());
    }

    private static MimeMessage awaitReceived(String subject) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> TestInfra.receivedMails().stream().filter(m -> subjectOf(m).equals(subject)).findFirst().orElse(null),
                m -> m != null);
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
