package ru.parus.order.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import ru.parus.order.repository.ProductRepository;
import ru.parus.platform.security.Roles;

@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
public class ProductResource {
    @Inject
    ProductRepository products;

    /** Named for the OpenAPI document: CatalogueResource has a ProductView too (the whole product family). */
    @Schema(name = "ProductOnSale", description = "A variant on sale, by SKU, with its price")
    public record ProductView(String sku, String name, long priceKopecks, String currency) {
    }

    @Schema(name = "ProductOnSalePage", description = "A page of the products on sale")
    public record ProductPage(List<ProductView> items, int page, int size, long total) {
    }

    @GET
    @Operation(summary = "Products on sale, by SKU (R1)")
    public ProductPage list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        var query = products.onSale();
        List<ProductView> items = query.page(Page.of(page, size)).list().stream()
                .map(p -> new ProductView(p.sku, p.name, p.priceKopecks, "RUB")).toList();
        return new ProductPage(items, page, size, query.count());
    }
}
