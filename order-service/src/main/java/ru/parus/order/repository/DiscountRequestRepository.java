package ru.parus.order.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import ru.parus.order.domain.DiscountRequest;
import ru.parus.order.domain.DiscountRequest.Status;
import ru.parus.platform.access.AccessScope;
import ru.parus.platform.paging.PageRequest;

@ApplicationScoped
public class DiscountRequestRepository implements PanacheRepositoryBase<DiscountRequest, UUID> {

    public List<DiscountRequest> ofOrder(UUID orderId) {
        return list("orderId", Sort.by("requestedAt").and("id"), orderId);
    }

    /**
     * R10, issue 17: the request locked for the head's decision ({@code SELECT ... FOR UPDATE}) until the transaction
     * ends: of two heads deciding at once the second waits and then reads the first one's decision.
     */
    public Optional<DiscountRequest> lockForDecision(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<DiscountRequest> pendingOf(UUID orderId) {
        return list("orderId = ?1 and status = ?2", orderId, Status.PENDING);
    }

    /** One page of requests and the number of matching rows. */
    public record Found(List<DiscountRequest> items, long total) {
    }

    /** R10: the head's queue: requests in this status, of customers in the caller's scope (R24), oldest first. */
    @SuppressWarnings("unchecked")
    public Found queue(Status status, AccessScope scope, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("status", status.name());
        String from = " FROM discount_request r" + ScopeSql.JOIN + "r.customer_id WHERE r.status = :status AND "
                + ScopeSql.condition(scope, params);
        long total = ((Number) OrderRepository.bind(getEntityManager().createNativeQuery("SELECT count(*)" + from),
                params).getSingleResult()).longValue();
        if (page.offset() >= total) {
            return new Found(List.of(), total);
        }
        Query rows = OrderRepository.bind(getEntityManager().createNativeQuery("SELECT r.*" + from
                + " ORDER BY r.requested_at, r.id LIMIT :limit OFFSET :offset", DiscountRequest.class), params)
                .setParameter("limit", page.size()).setParameter("offset", page.offset());
        return new Found(rows.getResultList(), total);
    }
}
