package ru.parus.notification.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import ru.parus.notification.config.CatalogueAttachmentsConfig;
import ru.parus.notification.config.NotificationConfig;
import ru.parus.notification.domain.Storefront;
import ru.parus.notification.event.IncomingPayloads.Certificate;
import ru.parus.notification.event.IncomingPayloads.Variant;
import ru.parus.notification.service.channel.Attachment;
import ru.parus.platform.problem.Problem;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;

/**
 * R21: attachments a manager picks from the catalogue (R1) instead of uploading them: a product's quality certificate
 * and the price list. Both are made when the message is requested, so that a failure reaches the manager, and are
 * stored with the message like uploaded ones, so that the dispatcher's retries send the same bytes.
 */
@ApplicationScoped
public class CatalogueAttachments {
    public enum Kind {
        PRODUCT_CERTIFICATE, PRICE_LIST
    }

    /** One attachment as the API names it; {@code certificateIndex} defaults to 0, {@code storefront} to all. */
    public record Request(Kind kind, UUID productId, Integer certificateIndex, Storefront storefront) {
    }

    @Inject
    CatalogueProjection catalogue;
    @Inject
    CertificateFetcher fetcher;
    @Inject
    CatalogueAttachmentsConfig config;
    @Inject
    NotificationConfig notificationConfig;
    @Inject
    Clock clock;

    /** The fields alone, before anything is looked up (400 problems). */
    public void validate(List<Request> requests, List<Problem.FieldError> errors) {
        if (requests == null) {
            return;
        }
        if (requests.size() > config.maxCatalogueAttachments()) {
            errors.add(new Problem.FieldError("catalogueAttachments", "at most " + config.maxCatalogueAttachments()));
            return;
        }
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            String at = field(i);
            if (r == null) {
                errors.add(new Problem.FieldError(at, "required"));
            } else if (r.kind() == null) {
                errors.add(new Problem.FieldError(at + ".kind", "required: PRODUCT_CERTIFICATE or PRICE_LIST"));
            } else if (r.kind() == Kind.PRODUCT_CERTIFICATE) {
                if (r.productId() == null) {
                    errors.add(new Problem.FieldError(at + ".productId", "required for PRODUCT_CERTIFICATE"));
                }
                if (r.certificateIndex() != null && r.certificateIndex() < 0) {
                    errors.add(new Problem.FieldError(at + ".certificateIndex", "0 or more"));
                }
                if (r.storefront() != null) {
                    errors.add(new Problem.FieldError(at + ".storefront", "goes with PRICE_LIST only"));
                }
            } else if (r.productId() != null || r.certificateIndex() != null) {
                errors.add(new Problem.FieldError(at + (r.productId() != null ? ".productId" : ".certificateIndex"),
                        "goes with PRODUCT_CERTIFICATE only"));
            }
        }
    }

    /**
     * R21: the documents, in the order asked. An unknown product is a 404, a certificate index out of range, an
     * expired certificate (per the injected clock), one too large or an empty price list a 422, a certificate host
     * that fails a 502 ({@code BAD_GATEWAY}); in each case nothing is queued.
     */
    public List<Attachment> resolve(List<Request> requests) {
        List<Attachment> out = new ArrayList<>();
        if (requests == null) {
            return out;
        }
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            out.add(r.kind() == Kind.PRICE_LIST ? priceList(r.storefront(), i) : certificate(r, i));
        }
        return out;
    }

    /** R1, R21: the active variants per category, for one storefront or all, with prices in roubles, dated today. */
    Attachment priceList(Storefront storefront, int i) {
        Map<String, List<PriceListPdf.Row>> byCategory = new LinkedHashMap<>();
        for (CatalogueProjection.Product p : catalogue.all()) {
            if (storefront != null && !p.storefronts().contains(storefront.name())) {
                continue;
            }
            for (Variant v : p.variants()) {
                if (Boolean.TRUE.equals(v.active()) && v.priceKopecks() != null) {
                    byCategory.computeIfAbsent(p.category(), c -> new ArrayList<>()).add(new PriceListPdf.Row(v.sku(),
                            v.name() == null || v.name().isBlank() ? p.name() : v.name(), v.priceKopecks(), v.currency()));
                }
            }
        }
        if (byCategory.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "the catalogue has no active items"
                    + (storefront == null ? "" : " on " + storefront) + " for a price list",
                    List.of(new Problem.FieldError(field(i), "no active items")));
        }
        List<PriceListPdf.Section> sections = byCategory.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new PriceListPdf.Section(e.getKey(), e.getValue().stream()
                        .sorted(Comparator.comparing(PriceListPdf.Row::name).thenComparing(PriceListPdf.Row::sku)).toList()))
                .toList();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(notificationConfig.defaultTimeZone())));
        byte[] pdf = PriceListPdf.render(storefront == null ? null : storefront.name(), today, sections);
        return new Attachment("price-list-" + (storefront == null ? "" : storefront.name() + "-") + today + ".pdf",
                "application/pdf", pdf);
    }

    /** R1, R21: a product's certificate, still valid today, fetched from its URL. */
    Attachment certificate(Request r, int i) {
        String at = field(i);
        CatalogueProjection.Product product = catalogue.product(r.productId()).orElseThrow(() -> new ProblemException(
                ProblemType.NOT_FOUND, "product " + r.productId() + " is not in the catalogue",
                List.of(new Problem.FieldError(at + ".productId", "no such product"))));
        int index = r.certificateIndex() == null ? 0 : r.certificateIndex();
        if (index >= product.certificates().size()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "product " + r.productId() + " has "
                    + product.certificates().size() + " certificate(s); index " + index + " does not exist",
                    List.of(new Problem.FieldError(at + ".certificateIndex", "no such certificate")))
                    .with("certificates", product.certificates().size());
        }
        Certificate c = product.certificates().get(index);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(notificationConfig.defaultTimeZone())));
        if (c.validUntil() != null && c.validUntil().isBefore(today)) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "the certificate '" + c.title() + "' expired on "
                    + c.validUntil() + "; an expired certificate is not sent",
                    List.of(new Problem.FieldError(at + ".certificateIndex", "expired on " + c.validUntil())))
                    .with("validUntil", c.validUntil().toString());
        }
        URI url;
        try {
            url = c.url() == null ? null : new URI(c.url());
        } catch (URISyntaxException e) {
            url = null;
        }
        if (url == null || url.getHost() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
            throw new ProblemException(ProblemType.UNPROCESSABLE, "the certificate '" + c.title()
                    + "' has no http(s) address in the catalogue", List.of(new Problem.FieldError(at, "no document URL")));
        }
        CertificateFetcher.Document doc;
        try {
            doc = fetcher.fetch(url);
        } catch (CertificateFetcher.FetchFailed e) {
            if (e.tooLarge) {
                throw new ProblemException(ProblemType.UNPROCESSABLE, "the certificate '" + c.title() + "' is "
                        + e.getMessage() + " and cannot be attached",
                        List.of(new Problem.FieldError(at, "document too large"))).with("maxBytes", config.maxCertificateBytes());
            }
            String detail = "the certificate '" + c.title() + "' could not be fetched from " + url.getHost() + ": "
                    + e.getMessage();
            throw new ProblemException(ProblemType.BAD_GATEWAY, detail, List.of(new Problem.FieldError(at, detail)));
        }
        String type = doc.contentType() == null ? "application/octet-stream" : doc.contentType();
        return new Attachment(fileName(c.title(), type, url), type, doc.content());
    }

    /** The title as a file name: no path or control characters, at most 120 characters, with an extension. */
    static String fileName(String title, String contentType, URI url) {
        String base = title == null ? "" : title.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", " ").replaceAll("\\s+", " ").strip();
        if (base.length() > 120) {
            base = base.substring(0, 120).strip();
        }
        if (base.isEmpty()) {
            base = "certificate";
        }
        String ext = switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            default -> {
                String path = url.getPath() == null ? "" : url.getPath();
                int dot = path.lastIndexOf('.');
                String e = dot < 0 || dot < path.lastIndexOf('/') ? "" : path.substring(dot);
                yield e.matches("\\.[A-Za-z0-9]{1,5}") ? e.toLowerCase() : "";
            }
        };
        return base.toLowerCase().endsWith(ext) ? base : base + ext;
    }

    private static String field(int i) {
        return "catalogueAttachments[" + i + "]";
    }
}
