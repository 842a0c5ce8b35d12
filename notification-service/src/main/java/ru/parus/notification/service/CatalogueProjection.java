package ru.parus.notification.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import ru.parus.notification.domain.CatalogueProduct;
import ru.parus.notification.event.IncomingPayloads;
import ru.parus.notification.event.IncomingPayloads.Certificate;
import ru.parus.notification.event.IncomingPayloads.Variant;
import ru.parus.notification.repository.CatalogueProductRepository;

/** R1: the catalogue as order-service publishes it on catalogue-events, kept for managers' attachments (R21). */
@ApplicationScoped
@Transactional
public class CatalogueProjection {
    @Inject
    CatalogueProductRepository products;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    /** A product with its arrays read back. */
    public record Product(UUID productId, long version, String name, String category, List<String> storefronts,
            List<Certificate> certificates, List<Variant> variants) {
    }

    /**
     * R1: ProductChanged carries the product's full state; a newer version replaces the row, an older or equal one
     * (late, or replayed) is ignored. Returns whether the row changed.
     */
    public boolean changed(IncomingPayloads.ProductChanged e) {
        CatalogueProduct p = products.findById(e.productId());
        if (p != null && e.version() <= p.version) {
            return false;
        }
        boolean created = p == null;
        if (created) {
            p = new CatalogueProduct();
            p.productId = e.productId();
        }
        p.version = e.version();
        p.name = e.name();
        p.category = e.category();
        p.storefronts = json(e.storefronts() == null ? List.of() : e.storefronts());
        p.certificates = json(e.certificates() == null ? List.of() : e.certificates());
        p.variants = json(e.variants() == null ? List.of() : e.variants());
        p.changedAt = e.changedAt();
        p.updatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        if (created) {
            products.persist(p);
        }
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Product> product(UUID productId) {
        return products.findByIdOptional(productId).map(this::read);
    }

    /** Every product, by category then name. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Product> all() {
        return products.byCategoryAndName().stream().map(this::read).toList();
    }

    Product read(CatalogueProduct p) {
        return new Product(p.productId, p.version, p.name, p.category, read(p.storefronts, new TypeReference<>() {
        }), read(p.certificates, new TypeReference<List<Certificate>>() {
        }), read(p.variants, new TypeReference<List<Variant>>() {
        }));
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored catalogue JSON unreadable", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
