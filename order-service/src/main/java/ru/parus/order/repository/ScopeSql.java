package ru.parus.order.repository;

import java.util.List;
import java.util.Map;

import ru.parus.platform.access.AccessScope;

/**
 * R24, R22: platform's {@link AccessScope} as SQL on {@code access_customer_owner} joined as {@code a} (LEFT JOIN on
 * the row's customer id): in scope when the caller sees everyone, the customer is unowned or unknown, or its owner is
 * one of the scope's owners.
 */
final class ScopeSql {
    static final String JOIN = " LEFT JOIN access_customer_owner a ON a.customer_id = ";

    private ScopeSql() {
    }

    /** The condition, adding its parameter ({@code owners}) to {@code params}. */
    static String condition(AccessScope scope, Map<String, Object> params) {
        if (scope.everyone()) {
            return "TRUE";
        }
        if (scope.owners().isEmpty()) {
            return "a.owner_manager_id IS NULL";
        }
        params.put("owners", List.copyOf(scope.owners()));
        return "(a.owner_manager_id IS NULL OR a.owner_manager_id IN (:owners))";
    }
}
