package ru.parus.order.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.order.domain.Channel;
import ru.parus.order.domain.PromoCode;
import ru.parus.order.service.PromoService;
import ru.parus.platform.problem.IfMatch;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/** R11: promo codes, decided by management (HEAD, ADMIN). */
@Path("/promo-codes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Promo codes")
@SecurityRequirement(name = "jwt")
public class PromoResource {
    @Inject
    PromoService service;
    @Inject
    CurrentStaff staff;

    @Schema(description = "A promo code: PERCENT (percent) or FIXED (amountKopecks)")
    public record PromoCodeBody(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{3,40}") @Schema(examples = "WINTER10") String code,
            @NotNull @Schema(examples = "PERCENT") PromoCode.Kind kind,
            @Schema(examples = "10") BigDecimal percent,
            @Schema(examples = "50000") Long amountKopecks,
            @NotNull @Schema(examples = "2026-12-01T00:00:00+03:00") OffsetDateTime validFrom,
            @NotNull @Schema(examples = "2027-01-01T00:00:00+03:00") OffsetDateTime validTo,
            @Min(0) @Schema(examples = "300000") long minTotalKopecks,
            @Min(1) @Schema(examples = "1") int perCustomerLimit,
            @Min(1) @Schema(examples = "500") int totalLimit,
            @Schema(examples = "LACTOMIN", description = "null: every channel") Channel channel) {
    }

    public record PromoCodeView(String code, String kind, BigDecimal percent, Long amountKopecks,
            OffsetDateTime validFrom, OffsetDateTime validTo, long minTotalKopecks, int perCustomerLimit,
            int totalLimit, String channel, String createdBy, String changedBy, OffsetDateTime changedAt,
            long version) {
        static PromoCodeView of(PromoCode p) {
            return new PromoCodeView(p.code, p.kind.name(), p.percent, p.amountKopecks, p.validFrom, p.validTo,
                    p.minTotalKopecks, p.perCustomerLimit, p.totalLimit, p.channel == null ? null : p.channel.name(),
                    p.createdBy, p.changedBy, p.changedAt, p.version);
        }
    }

    @Schema(description = "What may change of a promo code (R11): its validity, minimum total, limits and channel. Its "
            + "kind, percent and amount stay: orders copied them; create a new code for other money.")
    public record PromoCodeChangeBody(
            @NotNull @Schema(examples = "2026-12-01T00:00:00+03:00") OffsetDateTime validFrom,
            @NotNull @Schema(examples = "2027-02-01T00:00:00+03:00") OffsetDateTime validTo,
            @Min(0) @Schema(examples = "300000") long minTotalKopecks,
            @Min(1) @Schema(examples = "1") int perCustomerLimit,
            @Min(1) @Schema(examples = "1000") int totalLimit,
            @Schema(examples = "LACTOMIN", description = "null: every channel") Channel channel) {
    }

    @POST
    @RolesAllowed({ Roles.HEAD, Roles.ADMIN })
    @Operation(summary = "Create a promo code (R11)")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PromoCodeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (percent vs amountKopecks, validity)")
    @APIResponse(responseCode = "409", description = "The code exists")
    public Response create(@Valid @NotNull PromoCodeBody b) {
        PromoCode p = service.create(new PromoService.NewCode(b.code(), b.kind(), b.percent(), b.amountKopecks(),
                b.validFrom(), b.validTo(), b.minTotalKopecks(), b.perCustomerLimit(), b.totalLimit(), b.channel()),
                staff.id());
        return Response.created(URI.create("/promo-codes/" + p.code)).entity(PromoCodeView.of(p))
                .tag(new EntityTag(Long.toString(p.version))).build();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "One promo code (R11); the ETag is its version")
    @APIResponse(responseCode = "200", description = "The code",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PromoCodeView.class)))
    @APIResponse(responseCode = "404", description = "No such code")
    public Response get(@PathParam("code") String code) {
        PromoCode p = service.get(code);
        return Response.ok(PromoCodeView.of(p)).tag(new EntityTag(Long.toString(p.version))).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({ Roles.HEAD, Roles.ADMIN })
    @Operation(summary = "Change a promo code's validity, minimum total, limits or channel (R11)", description = "Send "
            + "If-Match with the ETag of the code you read. Publishes PromoCodeChanged. A limit below the uses so far "
            + "leaves the code used up.")
    @APIResponse(responseCode = "200", description = "Changed; the new ETag is in the answer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PromoCodeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (validity)")
    @APIResponse(responseCode = "404", description = "No such code")
    @APIResponse(responseCode = "412", description = "If-Match stale (problem with currentVersion)")
    @APIResponse(responseCode = "428", description = "No If-Match: send the ETag of your last GET of the code")
    public Response change(@PathParam("code") String code,
            @Parameter(description = "The ETag of the code as read", example = "\"0\"", required = true) @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PromoCodeChangeBody b) {
        long version = IfMatch.required(ifMatch, "the ETag of your last GET of this promo code");
        PromoCode p = service.change(code, new PromoService.Change(b.validFrom(), b.validTo(), b.minTotalKopecks(),
                b.perCustomerLimit(), b.totalLimit(), b.channel()), version, staff.id());
        return Response.ok(PromoCodeView.of(p)).tag(new EntityTag(Long.toString(p.version))).build();
    }

    @GET
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
    @Operation(summary = "Every promo code (R11)")
    public List<PromoCodeView> all() {
        return service.all().stream().map(PromoCodeView::of).toList();
    }

    public record ApplyBody(@NotBlank @Schema(examples = "WINTER10") String code) {
    }

    public record AppliedView(UUID orderId, String promoCode, long promoKopecks, long managerDiscountKopecks,
            long discountKopecks, long totalKopecks, long payableKopecks, long version) {
    }

    static AppliedView applied(ru.parus.order.domain.Order o) {
        return new AppliedView(o.id, o.promoCode, o.promoKopecks(), o.managerDiscountKopecks(), o.discountKopecks(),
                o.totalKopecks, o.payableKopecks(), o.version);
    }
}
