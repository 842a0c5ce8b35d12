package ru.parus.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ru.parus.order.domain.OrderHistoryEntry;
import ru.parus.order.repository.CustomerErasureRepository;

/**
 * R24: after customer-service erased a customer on request, order-service forgets the customer's personal data in its
 * own tables: name, phone and e-mail in the customer projection (so a storefront buyer is no longer matched by them);
 * the recipient (name, phone), the delivery address with its comment and the packaging notes of every order of the
 * customer and of the agreed terms in their histories; the free text staff wrote about those orders (reasons of status
 * changes and cancellations, of discounts and their requests and decisions) becomes {@link #ERASED_TEXT}. Ids,
 * statuses, lines, money, dates and who did what stay, so orders, payments and KPIs still add up. Blanking what is
 * blank changes nothing (an order's version only moves when something was blanked), so a repeat is harmless.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerErasure {
    /** What replaces free text that was there (a null stays null). */
    public static final String ERASED_TEXT = CustomerErasureRepository.ERASED_TEXT;

    @Inject
    CustomerErasureRepository rows;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    public void erase(UUID customerId) {
        List<OrderHistoryEntry> terms = rows.erase(customerId, OffsetDateTime.now(clock));
        for (OrderHistoryEntry e : terms) {
            e.details = blankTerms(e.details);
        }
    }

    /** The agreed terms (JSON of {@link Terms}) without the recipient, the address and the packaging notes. */
    String blankTerms(String json) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored terms are unreadable", e);
        }
        if (!(node instanceof ObjectNode original)) {
            return json;
        }
        ObjectNode o = original.deepCopy();
        for (String field : new String[] { "recipientName", "recipientPhone", "address", "packagingNotes" }) {
            o.putNull(field);
        }
        return o.equals(original) ? json : o.toString();
    }
}
