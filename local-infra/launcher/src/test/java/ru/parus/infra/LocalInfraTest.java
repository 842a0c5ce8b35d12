package ru.parus.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import ru.parus.infra.test.TestInfra;

class LocalInfraTest {

    @Test
    void brokerDatabaseAndSmtpAreRealAndTheBrokerSurvivesAKill() throws Exception {
        String bootstrap = TestInfra.kafkaBootstrapServers();
        send(bootstrap, "before-kill");

        TestInfra.killKafka();
        assertFalse(Ports.accepts(Integer.parseInt(bootstrap.substring(bootstrap.indexOf(':') + 1))));
        TestInfra.startKafka();
        send(bootstrap, "after-restart");

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "infra-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("customer-events"));
            List<String> seen = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (seen.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r.value());
                }
            }
            assertTrue(seen.containsAll(List.of("before-kill", "after-restart")), "records seen: " + seen);
        }

        String url = TestInfra.database("infra_test");
        try (Connection c = DriverManager.getConnection(url, TestInfra.databaseUser(), TestInfra.databasePassword());
                ResultSet rs = c.createStatement().executeQuery("SELECT current_database(), version()")) {
            rs.next();
            assertEquals("infra_test", rs.getString(1));
            // the embedded binaries are pinned to 17; an image may be another release (./parus images builds 15)
            assertTrue(rs.getString(2).startsWith(TestInfra.inContainers() ? "PostgreSQL " : "PostgreSQL 17"),
                    rs.getString(2));
        }

        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(TestInfra.smtpPort()));
        MimeMessage mail = new MimeMessage(Session.getInstance(props));
        mail.setFrom(new InternetAddress("shop@parus.local"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress("customer@example.org"));
        mail.setSubject("Ваш заказ готов");
        mail.setText("Заказ собран");
        Transport.send(mail);
        List<MimeMessage> received = TestInfra.receivedMails();
        assertEquals(1, received.size());
        assertEquals("Ваш заказ готов", received.get(0).getSubject());
    }

    private static void send(String bootstrap, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("customer-events", "k", value)).get(30, TimeUnit.SECONDS);
        }
    }
}
