package ru.parus.order.service;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.platform.paging.Page;
import ru.parus.order.config.OrderConfig;
import ru.parus.order.domain.Channel;
import ru.parus.order.domain.Order;
import ru.parus.order.domain.OrderStatus;
import ru.parus.order.repository.OrderRepository;
import ru.parus.platform.paging.PageRequest;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/**
 * The orders list of the managers' screens: filters, newest first, paged, and only the orders of customers the caller
 * may act on (R24, R22: the one access policy's scope, so a manager sees their own customers', unowned ones' and those
 * of a colleague they deputise for).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrderSearch {
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    @Inject
    OrderRepository orders;
    @Inject
    OrderAccess access;
    @Inject
    OrderConfig config;

    /** The filters as sent (query parameters); null or blank: any. */
    public record Filter(String customerId, String status, String managerId, String channel, String placedFrom,
            String placedTo) {
    }

    /**
     * R24: one page of the orders in the caller's scope that match the filter. Every invalid filter is named in one
     * 400 problem. {@code placedFrom} is inclusive and {@code placedTo} exclusive when they are date-times
     * ({@code 2026-12-01T10:00:00Z}, with an offset); a date ({@code 2026-12-01}) is that day in
     * {@code parus.order.zone}, whole: from its start, or to its end.
     */
    public Page<Order> search(Filter f, Integer page, Integer size) {
        PageRequest paging = PageRequest.of(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        List<Problem.FieldError> errors = new ArrayList<>();
        UUID customerId = null;
        if (present(f.customerId())) {
            try {
                customerId = UUID.fromString(f.customerId().trim());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("customerId", "not a UUID"));
            }
        }
        OrderStatus status = present(f.status()) ? constant(OrderStatus.class, "status", f.status(), errors) : null;
        Channel channel = present(f.channel()) ? constant(Channel.class, "channel", f.channel(), errors) : null;
        String managerId = present(f.managerId()) ? f.managerId().trim() : null;
        ZoneId zone = ZoneId.of(config.zone());
        OffsetDateTime from = present(f.placedFrom()) ? time("placedFrom", f.placedFrom(), zone, false, errors) : null;
        OffsetDateTime to = present(f.placedTo()) ? time("placedTo", f.placedTo(), zone, true, errors) : null;
        if (from != null && to != null && !to.isAfter(from)) {
            errors.add(new Problem.FieldError("placedTo", "after placedFrom"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, "Invalid filters: "
                    + errors.stream().map(Problem.FieldError::field).toList(), errors);
        }
        OrderRepository.Found found = orders.search(
                new OrderRepository.Criteria(customerId, status, managerId, channel, from, to), access.scope(), paging);
        return Page.of(paging, found.total(), found.items());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String field, String value,
            List<Problem.FieldError> errors) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, "one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    /** An ISO date-time with an offset, or a date: its start ({@code end} false) or the start of the next day. */
    private static OffsetDateTime time(String field, String value, ZoneId zone, boolean end,
            List<Problem.FieldError> errors) {
        String v = value.trim();
        try {
            OffsetDateTime t;
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                t = (end ? day.plusDays(1) : day).atStartOfDay(zone).toOffsetDateTime();
            } else {
                t = OffsetDateTime.parse(v);
            }
            if (t.getYear() >= 1 && t.getYear() <= 9999) { // the database's timestamps end long before Java's
                return t;
            }
        } catch (DateTimeException e) {
            // named below
        }
        errors.add(new Problem.FieldError(field, "an ISO date-time with an offset (2026-12-01T10:00:00Z) or a date "
                + "(2026-12-01), years 1..9999"));
        return null;
    }
}
