package ru.parus.order.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import ru.parus.platform.paging.Page;
import ru.parus.order.repository.CatalogueSearch;
import ru.parus.order.config.CatalogueConfig;
import ru.parus.order.config.OrderConfig;
import ru.parus.order.domain.Product;
import ru.parus.order.domain.ProductFamily;
import ru.parus.order.event.CatalogueEvents;
import ru.parus.order.event.ProductChanged;
import ru.parus.order.repository.ProductFamilyRepository;
import ru.parus.order.repository.ProductRepository;
import ru.parus.platform.outbox.Outbox;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/** The catalogue (R1, R2): products with variants, edited by the head or an admin, searched by managers. */
@ApplicationScoped
@Transactional
public class CatalogueService {
    private static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,63}");
    /** R25: bounds of a variant's consumption figures (guards against typos, e.g. 3000 instead of 30). */
    static final int MAX_SERVINGS = 10_000;
    static final BigDecimal MAX_DAILY = BigDecimal.valueOf(100);

    @Inject
    ProductFamilyRepository families;
    @Inject
    ProductRepository products;
    @Inject
    Outbox outbox;
    @Inject
    CatalogueConfig config;
    @Inject
    OrderConfig orderConfig;
    @Inject
    EntityManager em;
    @Inject
    CatalogueSearch catalogueSearch;
    @Inject
    Clock clock;

    /** A variant; servingsPerPack and dailyServings (R25) are optional, both or neither. */
    public record VariantCommand(String sku, String flavour, String size, long priceKopecks, int stock, boolean active,
            Integer servingsPerPack, BigDecimal dailyServings) {
    }

    public record ProductCommand(String name, String purpose, String usageRules, String category,
            List<String> storefronts, List<ProductFamily.Certificate> certificates, OffsetDateTime newFrom,
            OffsetDateTime newUntil, OffsetDateTime featuredFrom, OffsetDateTime featuredUntil,
            List<VariantCommand> variants) {
    }

    /** A product with its variants, as read. */
    public record ProductDetails(ProductFamily family, List<Product> variants) {
    }

    public record Search(String text, String category, String storefront, Boolean isNew, Boolean featured,
            Boolean inStock, int page, int size) {
    }

    public ProductDetails create(ProductCommand command, String by) {
        validate(command, null);
        ProductFamily family = new ProductFamily();
        family.id = UUID.randomUUID();
        apply(family, command);
        families.persist(family);
        List<Product> variants = applyVariants(family, command.variants());
        return publish(family, variants, "CREATED", by);
    }

    /** Replaces the product's data; {@code expectedVersion} is the client's If-Match (optimistic locking). */
    public ProductDetails update(UUID id, long expectedVersion, ProductCommand command, String by) {
        ProductFamily family = families.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Product", id));
        if (family.version != expectedVersion) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "Product " + id + " is at version "
                    + family.version + ", not " + expectedVersion + "; reload it and apply your change again")
                    .with("currentVersion", family.version);
        }
        validate(command, id);
        apply(family, command);
        List<Product> variants = applyVariants(family, command.variants());
        return publish(family, variants, "UPDATED", by);
    }

    /**
     * Idempotent upsert by SKU (demo data): creates the product unless one of its SKUs already belongs to a
     * product, updates that one only when something differs. Returns what happened: CREATED, UPDATED or UNCHANGED.
     */
    public String upsert(ProductCommand command, String by) {
        UUID familyId = products.bySku(command.variants().stream().map(VariantCommand::sku).toList()).values().stream()
                .map(p -> p.familyId).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (familyId == null) {
            create(command, by);
            return "CREATED";
        }
        ProductDetails current = get(familyId);
        if (normalized(commandOf(current)).equals(normalized(command))) {
            return "UNCHANGED";
        }
        update(familyId, current.family().version, command, by);
        return "UPDATED";
    }

    static ProductCommand commandOf(ProductDetails d) {
        ProductFamily f = d.family();
        return new ProductCommand(f.name, f.purpose, f.usageRules, f.category, f.storefronts, f.certificates, f.newFrom,
                f.newUntil, f.featuredFrom, f.featuredUntil, d.variants().stream().filter(v -> v.active)
                        .map(v -> new VariantCommand(v.sku, v.flavour, v.size, v.priceKopecks, v.stock, v.active,
                                v.servingsPerPack, v.dailyServings)).toList());
    }

    private static ProductCommand normalized(ProductCommand c) {
        java.util.function.UnaryOperator<OffsetDateTime> utc = t -> t == null ? null
                : t.withOffsetSameInstant(java.time.ZoneOffset.UTC);
        return new ProductCommand(c.name().trim(), c.purpose() == null ? "" : c.purpose().trim(),
                c.usageRules() == null ? "" : c.usageRules().trim(), c.category(),
                List.copyOf(new java.util.TreeSet<>(c.storefronts())),
                c.certificates() == null ? List.of() : List.copyOf(c.certificates()), utc.apply(c.newFrom()),
                utc.apply(c.newUntil()), utc.apply(c.featuredFrom()), utc.apply(c.featuredUntil()),
                c.variants().stream().map(v -> new VariantCommand(v.sku(), blankToNull(v.flavour()), blankToNull(v.size()),
                        v.priceKopecks(), v.stock(), v.active(), v.servingsPerPack(),
                        v.dailyServings() == null ? null : v.dailyServings().stripTrailingZeros()))
                        .sorted(java.util.Comparator.comparing(VariantCommand::sku)).toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProductDetails get(UUID id) {
        ProductFamily family = families.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Product", id));
        return new ProductDetails(family, variantsOf(id));
    }

    /** The product whose variant has this SKU, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<ProductDetails> bySku(String sku) {
        Product p = products.findById(sku);
        if (p == null || p.familyId == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(get(p.familyId));
    }

    /**
     * Managers' search (R1): text in name, purpose or a variant's name/SKU (trigram indexes), category,
     * storefront, new / featured now (R2, by the injected clock), in stock; paginated by name.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Page<ProductDetails> search(Search s) {
        CatalogueSearch.Found found = catalogueSearch.familyIds(new CatalogueSearch.Criteria(s.text(), s.category(),
                s.storefront(), s.isNew(), s.featured(), s.inStock(), s.page(), s.size()), OffsetDateTime.now(clock));
        List<UUID> ids = found.ids();
        long total = found.total();
        if (ids.isEmpty()) {
            return new Page<>(total, s.page(), s.size(), List.of());
        }
        Map<UUID, ProductFamily> byId = new LinkedHashMap<>();
        families.byIds(ids).forEach(f -> byId.put(f.id, f));
        Map<UUID, List<Product>> variants = new LinkedHashMap<>();
        products.variantsOf(ids).forEach(p -> variants.computeIfAbsent(p.familyId, k -> new ArrayList<>()).add(p));
        return new Page<>(total, s.page(), s.size(), ids.stream().map(id -> new ProductDetails(byId.get(id), variants.getOrDefault(id, List.of())))
                .toList());
    }

    private List<Product> variantsOf(UUID familyId) {
        return products.variantsOf(familyId);
    }

    private ProductDetails publish(ProductFamily family, List<Product> variants, String change, String by) {
        em.flush(); // the version in the event is the one the client sees in the ETag
        ProductChanged event = ProductChanged.of(family, variants, change, by, orderConfig.currency());
        outbox.publish(CatalogueEvents.TOPIC, CatalogueEvents.AGGREGATE, family.id, CatalogueEvents.PRODUCT_CHANGED, event);
        return new ProductDetails(family, variants);
    }

    private void apply(ProductFamily f, ProductCommand c) {
        f.name = c.name().trim();
        f.purpose = c.purpose() == null ? "" : c.purpose().trim();
        f.usageRules = c.usageRules() == null ? "" : c.usageRules().trim();
        f.category = c.category();
        f.storefronts = new ArrayList<>(new java.util.TreeSet<>(c.storefronts()));
        f.certificates = c.certificates() == null ? new ArrayList<>() : new ArrayList<>(c.certificates());
        f.newFrom = c.newFrom();
        f.newUntil = c.newUntil();
        f.featuredFrom = c.featuredFrom();
        f.featuredUntil = c.featuredUntil();
        f.updatedAt = OffsetDateTime.now(clock);
    }

    /** Variants in the command are created or updated; the family's others stop being sold (kept for history). */
    private List<Product> applyVariants(ProductFamily family, List<VariantCommand> commands) {
        Map<String, Product> existing = products.bySku(commands.stream().map(VariantCommand::sku).toList());
        Set<String> kept = new HashSet<>();
        List<Product> out = new ArrayList<>();
        for (VariantCommand v : commands) {
            Product p = existing.get(v.sku());
            boolean created = p == null;
            if (created) {
                p = new Product();
                p.sku = v.sku();
            }
            p.familyId = family.id;
            p.flavour = blankToNull(v.flavour());
            p.size = blankToNull(v.size());
            p.name = variantName(family.name, p.flavour, p.size);
            p.priceKopecks = v.priceKopecks();
            p.stock = v.stock();
            p.active = v.active();
            p.servingsPerPack = v.servingsPerPack(); // R25
            p.dailyServings = v.dailyServings() == null ? null : v.dailyServings().setScale(3);
            if (created) {
                products.persist(p);
            }
            kept.add(p.sku);
            out.add(p);
        }
        for (Product old : variantsOf(family.id)) {
            if (!kept.contains(old.sku)) {
                old.active = false;
                out.add(old);
            }
        }
        out.sort(java.util.Comparator.comparing(p -> p.sku));
        return out;
    }

    static String variantName(String family, String flavour, String size) {
        StringBuilder name = new StringBuilder(family);
        if (flavour != null) {
            name.append(", ").append(flavour);
        }
        if (size != null) {
            name.append(", ").append(size);
        }
        return name.toString();
    }

    private void validate(ProductCommand c, UUID familyId) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!config.categories().contains(c.category())) {
            errors.add(new Problem.FieldError("category", "one of " + config.categories()));
        }
        for (int i = 0; i < c.storefronts().size(); i++) {
            if (!config.storefronts().contains(c.storefronts().get(i))) {
                errors.add(new Problem.FieldError("storefronts[" + i + "]", "one of " + config.storefronts()));
            }
        }
        period(errors, "new", c.newFrom(), c.newUntil());
        period(errors, "featured", c.featuredFrom(), c.featuredUntil());
        if (c.certificates() != null) {
            for (int i = 0; i < c.certificates().size(); i++) {
                ProductFamily.Certificate cert = c.certificates().get(i);
                if (cert == null || cert.title() == null || cert.title().isBlank()) {
                    errors.add(new Problem.FieldError("certificates[" + i + "].title", "must not be blank"));
                }
                if (cert == null || cert.url() == null || !cert.url().matches("https?://\\S+")) {
                    errors.add(new Problem.FieldError("certificates[" + i + "].url", "an http(s) download link"));
                }
                if (cert != null && cert.validUntil() != null && !cert.validUntil().matches("\\d{4}-\\d{2}-\\d{2}")) {
                    errors.add(new Problem.FieldError("certificates[" + i + "].validUntil", "a date YYYY-MM-DD"));
                }
            }
        }
        Set<String> seen = new HashSet<>();
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < c.variants().size(); i++) {
            String sku = c.variants().get(i).sku();
            if (!SKU.matcher(sku).matches()) {
                errors.add(new Problem.FieldError("variants[" + i + "].sku", "capital letters, digits and '-', at most 64"));
            } else if (!seen.add(sku)) {
                errors.add(new Problem.FieldError("variants[" + i + "].sku", "appears twice"));
            }
            skus.add(sku);
            consumption(errors, "variants[" + i + "]", c.variants().get(i));
        }
        Map<String, Product> existing = products.bySku(skus);
        for (int i = 0; i < c.variants().size(); i++) {
            Product p = existing.get(c.variants().get(i).sku());
            if (p != null && p.familyId != null && !p.familyId.equals(familyId)) {
                errors.add(new Problem.FieldError("variants[" + i + "].sku", "belongs to product " + p.familyId));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, errors.size() + " field(s) invalid", errors);
        }
    }

    /** R25: servings per pack (a whole number, at least 1) and daily servings (above 0), both or neither. */
    private static void consumption(List<Problem.FieldError> errors, String at, VariantCommand v) {
        Integer servings = v.servingsPerPack();
        BigDecimal daily = v.dailyServings();
        if ((servings == null) != (daily == null)) {
            errors.add(new Problem.FieldError(at + (servings == null ? ".servingsPerPack" : ".dailyServings"),
                    "R25: servingsPerPack and dailyServings are set together or not at all"));
            return;
        }
        if (servings != null && (servings < 1 || servings > MAX_SERVINGS)) {
            errors.add(new Problem.FieldError(at + ".servingsPerPack", "R25: a whole number from 1 to " + MAX_SERVINGS));
        }
        if (daily != null && (daily.signum() <= 0 || daily.compareTo(MAX_DAILY) > 0 || daily.stripTrailingZeros().scale() > 3)) {
            errors.add(new Problem.FieldError(at + ".dailyServings",
                    "R25: above 0, at most " + MAX_DAILY + ", at most 3 decimal places"));
        }
    }

    private static void period(List<Problem.FieldError> errors, String flag, OffsetDateTime from, OffsetDateTime until) {
        if (until != null && from == null) {
            errors.add(new Problem.FieldError(flag + "From", "required when " + flag + "Until is set (R2)"));
        } else if (from != null && until != null && !from.isBefore(until)) {
            errors.add(new Problem.FieldError(flag + "Until", "must be after " + flag + "From (R2)"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
