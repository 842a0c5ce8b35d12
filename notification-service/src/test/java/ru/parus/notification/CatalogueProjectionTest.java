package ru.parus.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.parus.notification.Events.id;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import ru.parus.infra.test.TestKafka;
import ru.parus.notification.domain.CatalogueProduct;
import ru.parus.notification.repository.CatalogueProductRepository;
import ru.parus.notification.service.CatalogueProjection;

/**
 * R1, R21: the catalogue projection behind managers' attachments, from catalogue-events on the real broker; for the
 * upgrade's one release also from the old spelling catalog-events (issue 18).
 */
@QuarkusTest
class CatalogueProjectionTest {
    @Inject
    CatalogueProductRepository products;
    @Inject
    CatalogueProjection catalogue;

    static ObjectNode product(String productId, int version, String name) {
        ObjectNode e = Events.example("ProductChanged");
        e.put("productId", productId);
        e.put("version", version);
        e.put("change", version == 0 ? "CREATED" : "UPDATED");
        e.put("name", name);
        return e;
    }

    static final String TOPIC = "catalogue-events";
    /** The topic's spelling before issue 18; read for one release after the upgrade, then dropped. */
    static final String OLD_TOPIC = "catalog-events";

    static void send(String productId, String eventId, ObjectNode payload) throws Exception {
        Events.send(TOPIC, productId, "catalog", "ProductChanged", eventId, payload);
    }

    CatalogueProduct row(String productId) {
        return QuarkusTransaction.requiringNew().call(() -> products.findById(UUID.fromString(productId)));
    }

    boolean consumed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) products.getEntityManager().createNativeQuery(
                "SELECT count(*) FROM inbox WHERE consumer = 'notification-service.catalogue-events' AND event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).intValue() == 1);
    }

    @Test
    void R21_productChangedFillsTheProjectionAndOnlyANewerVersionReplacesIt() throws Exception {
        String productId = id();
        send(productId, id(), product(productId, 2, "Whey v2"));
        await().atMost(Duration.ofSeconds(20)).until(() -> row(productId) != null);
        CatalogueProduct p = row(productId);
        assertEquals(2, p.version);
        assertEquals("Whey v2", p.name);
        assertEquals("PROTEIN", p.category);
        var read = catalogue.product(UUID.fromString(productId)).orElseThrow();
        assertEquals(java.util.List.of("LACTOMIN", "WATTN"), read.storefronts());
        assertEquals("WHEY-CHOC-900", read.variants().get(0).sku());
        assertEquals(249000L, read.variants().get(0).priceKopecks());
        assertEquals("https://docs.example.org/certs/whey.pdf", read.certificates().get(0).url());
        assertEquals(java.time.LocalDate.parse("2027-06-30"), read.certificates().get(0).validUntil());

        // an older version arriving late is recorded as consumed and changes nothing
        String late = id();
        send(productId, late, product(productId, 1, "Whey v1 (late)"));
        await().atMost(Duration.ofSeconds(20)).until(() -> consumed(late));
        assertEquals("Whey v2", row(productId).name);
        assertEquals(2, row(productId).version);

        // a redelivered event (same ce_id) is ignored even if its payload differed; the next version applies
        String v3 = id();
        send(productId, v3, product(productId, 3, "Whey v3"));
        send(productId, v3, product(productId, 9, "Whey v9 (duplicate id)"));
        send(productId, id(), product(productId, 4, "Whey v4"));
        await().atMost(Duration.ofSeconds(20)).until(() -> row(productId).version == 4);
        assertEquals("Whey v4", row(productId).name);
    }

    @Test
    void R21_aProductChangedPublishedOnTheOldTopicBeforeTheUpgradeStillUpdatesTheProjection() throws Exception {
        String productId = id();
        // published by order-service before the upgrade, still on catalog-events
        String before = id();
        Events.send(OLD_TOPIC, productId, "catalog", "ProductChanged", before,
                product(productId, 1, "Casein (old topic)"));
        await().atMost(Duration.ofSeconds(20)).until(() -> row(productId) != null);
        assertEquals("Casein (old topic)", row(productId).name);
        assertEquals(1, row(productId).version);
        assertTrue(consumed(before), "recorded in the one inbox of the channel");

        // after the upgrade the newer version comes on catalogue-events; a late copy of an older version from the
        // old topic (another event id) changes nothing: the newer version wins whichever topic brings it
        send(productId, id(), product(productId, 2, "Casein v2"));
        await().atMost(Duration.ofSeconds(20)).until(() -> row(productId).version == 2);
        String late = id();
        Events.send(OLD_TOPIC, productId, "catalog", "ProductChanged", late,
                product(productId, 1, "Casein v1 (late)"));
        await().atMost(Duration.ofSeconds(20)).until(() -> consumed(late));
        assertEquals("Casein v2", row(productId).name);
        assertEquals(2, row(productId).version);
    }

    @Test
    void R21_aMalformedProductChangedGoesToTheDeadLetterTopicAndTheChannelGoesOn() throws Exception {
        String poisonKey = id();
        TestKafka.send(TOPIC, poisonKey, "{\"productId\":\"" + poisonKey + "\",\"version\":1}",
                TestKafka.cloudEventHeaders(id(), "ru.parus.catalog.ProductChanged.v1"));
        var dead = TestKafka.awaitRecords(TOPIC + ".notification-service.dlq", r -> poisonKey.equals(r.key()), 1,
                Duration.ofSeconds(30));
        assertFalse(dead.isEmpty(), "the poison record reached the dead-letter topic");
        assertTrue(row(poisonKey) == null);
        String productId = id();
        send(productId, id(), product(productId, 0, "После яда"));
        await().atMost(Duration.ofSeconds(20)).until(() -> row(productId) != null);
    }
}
