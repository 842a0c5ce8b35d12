package ru.parus.order.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.order.config.OrderConfig;
import ru.parus.order.domain.ProductFamily;
import ru.parus.order.service.CatalogueService;
import ru.parus.order.service.CatalogueService.ProductDetails;
import ru.parus.platform.problem.IfMatch;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

@Path("/catalogue/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
@SecurityRequirement(name = "jwt")
public class CatalogueResource {
    @Inject
    CatalogueService service;
    @Inject
    CurrentStaff staff;
    @Inject
    OrderConfig orderConfig;
    @Inject
    java.time.Clock clock;

    @Schema(description = "A variant: one SKU with its flavour and size, price and stock")
    public record VariantRequest(
            @NotBlank @Size(max = 64) @Schema(examples = "WHEY-CHOC-900") String sku,
            @Size(max = 100) @Schema(examples = "шоколад") String flavour,
            @Size(max = 100) @Schema(examples = "900 г") String size,
            @NotNull @Min(0) @Max(100_000_000) @Schema(examples = "249000", description = "kopecks") Long priceKopecks,
            @NotNull @Min(0) @Max(1_000_000) @Schema(examples = "120") Integer stock,
            @Schema(examples = "true", description = "on sale; default true") Boolean active,
            @Schema(examples = "30", description = "R25: servings in one pack (a whole number >= 1); with dailyServings or not at all")
            Integer servingsPerPack,
            @Schema(examples = "1", description = "R25: the usual daily intake in servings (> 0, up to 3 decimal places); with servingsPerPack or not at all")
            BigDecimal dailyServings) {
    }

    @Schema(description = "A quality certificate with its download link")
    public record CertificateRequest(
            @NotBlank @Size(max = 300) @Schema(examples = "Декларация о соответствии ЕАЭС N RU Д-RU.РА01.В.12345/24") String title,
            @NotBlank @Size(max = 1000) @Schema(examples = "https://docs.example.org/certs/whey-2024.pdf") String url,
            @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") @Schema(examples = "2027-06-30") String validUntil) {
    }

    @Schema(description = "A product of the catalogue with its variants (R1); new/featured with validity periods (R2)")
    public record ProductRequest(
            @NotBlank @Size(max = 300) @Schema(examples = "Сывороточный протеин Lactomin Whey") String name,
            @Size(max = 2000) @Schema(examples = "Восстановление и рост мышц после тренировок") String purpose,
            @Size(max = 4000) @Schema(examples = "1 порция (30 г) на 250 мл воды или молока после тренировки") String usageRules,
            @NotBlank @Schema(examples = "PROTEIN") String category,
            @NotEmpty @Size(max = 10) List<@NotBlank String> storefronts,
            @Size(max = 20) List<@Valid @NotNull CertificateRequest> certificates,
            @Schema(examples = "2026-11-01T00:00:00Z") OffsetDateTime newFrom,
            @Schema(examples = "2027-02-01T00:00:00Z") OffsetDateTime newUntil,
            OffsetDateTime featuredFrom,
            OffsetDateTime featuredUntil,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull VariantRequest> variants) {

        CatalogueService.ProductCommand toCommand() {
            return new CatalogueService.ProductCommand(name, purpose, usageRules, category, storefronts,
                    certificates == null ? List.of()
                            : certificates.stream().map(c -> new ProductFamily.Certificate(c.title(), c.url(), c.validUntil())).toList(),
                    newFrom, newUntil, featuredFrom, featuredUntil,
                    variants.stream().map(v -> new CatalogueService.VariantCommand(v.sku(), v.flavour(), v.size(),
                            v.priceKopecks(), v.stock(), v.active() == null || v.active(), v.servingsPerPack(),
                            v.dailyServings())).toList());
        }
    }

    public record VariantView(String sku, String name, String flavour, String size, long priceKopecks, String currency,
            int stock, boolean active, boolean available,
            @Schema(description = "R25: servings in one pack; null when not known") Integer servingsPerPack,
            @Schema(description = "R25: the usual daily intake in servings; null when not known") BigDecimal dailyServings) {
    }

    /** Named for the OpenAPI document: ProductResource has a ProductView too (a variant on sale). */
    @Schema(name = "CatalogueProduct", description = "A product family of the catalogue with its variants (R1, R2)")
    public record ProductView(UUID id, String name, String purpose, String usageRules, String category,
            List<String> storefronts, List<ProductFamily.Certificate> certificates, OffsetDateTime newFrom,
            OffsetDateTime newUntil, OffsetDateTime featuredFrom, OffsetDateTime featuredUntil,
            @Schema(description = "new now (R2, by the server's clock)") boolean isNew,
            @Schema(description = "featured now (R2)") boolean featured, boolean inStock, long version,
            List<VariantView> variants) {
    }

    @Schema(name = "CatalogueProductPage", description = "A page of the catalogue's product families")
    public record ProductPage(List<ProductView> items, int page, int size, long total) {
    }

    ProductView view(ProductDetails d) {
        ProductFamily f = d.family();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<VariantView> variants = d.variants().stream().map(v -> new VariantView(v.sku, v.name, v.flavour, v.size,
                v.priceKopecks, orderConfig.currency(), v.stock, v.active, v.available(), v.servingsPerPack,
                v.dailyServingsPlain())).toList();
        return new ProductView(f.id, f.name, f.purpose, f.usageRules, f.category, f.storefronts, f.certificates,
                f.newFrom, f.newUntil, f.featuredFrom, f.featuredUntil, f.isNew(now), f.isFeatured(now),
                variants.stream().anyMatch(VariantView::available), f.version, variants);
    }

    @GET
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "Search the catalogue (R1, R2)", description = "Text matches name, purpose, a variant's name or "
            + "SKU (case-insensitive, substring; trigram indexes). new/featured mean valid now. Sorted by name.")
    @APIResponse(responseCode = "200", description = "A page of products with their variants")
    @APIResponse(responseCode = "400", description = "Invalid parameter (problem+json)")
    public ProductPage search(
            @Parameter(description = "text in name or purpose", example = "протеин") @QueryParam("q") @Size(max = 100) String q,
            @Parameter(example = "PROTEIN") @QueryParam("category") @Size(max = 40) String category,
            @Parameter(example = "LACTOMIN") @QueryParam("storefront") @Pattern(regexp = "[A-Z]{1,20}") String storefront,
            @QueryParam("new") Boolean isNew,
            @QueryParam("featured") Boolean featured,
            @QueryParam("inStock") Boolean inStock,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var result = service.search(new CatalogueService.Search(q, category, storefront, isNew, featured, inStock, page, size));
        return new ProductPage(result.items().stream().map(this::view).toList(), page, size, result.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "A product with its variants; ETag is its version")
    @APIResponse(responseCode = "200", description = "The product; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "404", description = "No such product")
    public Response get(@PathParam("id") UUID id) {
        ProductView view = view(service.get(id));
        return Response.ok(view).tag(etag(view.version())).build();
    }

    @POST
    @RolesAllowed({ Roles.HEAD, Roles.ADMIN })
    @Operation(summary = "Add a product with its variants (R1, R2)", description = "Publishes ProductChanged (CREATED) on catalogue-events.")
    @APIResponse(responseCode = "201", description = "Created; ETag is its version, Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, e.g. an unknown category or storefront, a SKU of another product, a period that ends before it starts")
    @APIResponse(responseCode = "403", description = "Only the head or an admin edits the catalogue")
    public Response create(@Valid @NotNull ProductRequest request) {
        ProductView view = view(service.create(request.toCommand(), staff.id()));
        return Response.created(URI.create("/catalogue/products/" + view.id())).entity(view).tag(etag(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.HEAD, Roles.ADMIN })
    @Operation(summary = "Replace a product's data and variants (R1, R2)", description = "Needs If-Match with the ETag "
            + "read; variants left out stop being sold. Publishes ProductChanged (UPDATED).")
    @APIResponse(responseCode = "200", description = "Updated; new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or an If-Match that is no ETag of ours")
    @APIResponse(responseCode = "404", description = "No such product")
    @APIResponse(responseCode = "412", description = "Stale If-Match: someone changed the product meanwhile")
    @APIResponse(responseCode = "428", description = "No If-Match: send the ETag of your last GET of the product")
    public Response update(@PathParam("id") UUID id,
            @Parameter(description = "the ETag of the version you edited", example = "\"3\"", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ProductRequest request) {
        ProductView view = view(service.update(id, version(ifMatch), request.toCommand(), staff.id()));
        return Response.ok(view).tag(etag(view.version())).build();
    }

    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}. */
    static long version(String ifMatch) {
        return IfMatch.required(ifMatch, "the ETag of your last GET of what you edited");
    }
}
