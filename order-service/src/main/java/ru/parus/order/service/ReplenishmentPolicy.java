package ru.parus.order.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.order.config.CatalogueConfig;
import ru.parus.order.domain.CategoryReplenishment;
import ru.parus.order.domain.ContactFirst;
import ru.parus.order.repository.CategoryReplenishmentRepository;
import ru.parus.platform.problem.ProblemException;

/**
 * R25: per product category, whether a replenishment starts with a call (the default) or a message; the head
 * chooses. ReplenishmentDue carries the choice as {@code contactFirst}.
 */
@ApplicationScoped
@Transactional
public class ReplenishmentPolicy {
    @Inject
    CategoryReplenishmentRepository policies;
    @Inject
    CatalogueConfig catalogue;
    @Inject
    Clock clock;

    /** A category's choice as read: {@code changedAt}/{@code changedBy} null while it is the default. */
    public record Choice(String category, ContactFirst contactFirst, OffsetDateTime changedAt, String changedBy) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Choice get(String category) {
        known(category);
        CategoryReplenishment p = policies.findById(category);
        return p == null ? new Choice(category, ContactFirst.CALL, null, null) : choice(p);
    }

    /** Every category of the catalogue with its choice, in the catalogue's order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Choice> all() {
        Map<String, CategoryReplenishment> chosen = policies.listAll().stream()
                .collect(Collectors.toMap(p -> p.category, Function.identity()));
        return catalogue.categories().stream().map(c -> chosen.containsKey(c) ? choice(chosen.get(c))
                : new Choice(c, ContactFirst.CALL, null, null)).toList();
    }

    /** R25: the head's choice for the category (a repeat of the same choice changes nothing). */
    public Choice choose(String category, ContactFirst contactFirst, String by) {
        known(category);
        CategoryReplenishment p = policies.findById(category);
        if (p == null) {
            p = new CategoryReplenishment();
            p.category = category;
            p.contactFirst = contactFirst;
            p.changedAt = OffsetDateTime.now(clock);
            p.changedBy = by;
            policies.persist(p);
        } else if (p.contactFirst != contactFirst) {
            p.contactFirst = contactFirst;
            p.changedAt = OffsetDateTime.now(clock);
            p.changedBy = by;
        }
        return choice(p);
    }

    private void known(String category) {
        if (!catalogue.categories().contains(category)) {
            throw ProblemException.notFound("Category", category);
        }
    }

    private static Choice choice(CategoryReplenishment p) {
        return new Choice(p.category, p.contactFirst, p.changedAt, p.changedBy);
    }
}
