package ru.parus.order.rest;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import ru.parus.order.config.OrderConfig;
import ru.parus.order.service.PaymentService;
import ru.parus.order.service.Signatures;

/** R15: the payment provider reports online payments here, signed with the shared secret. */
@Path("/payments/callback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
@PermitAll
// OpenAPI: no bearer token (security: []); the provider's HMAC signature of the body is checked instead
@SecurityRequirements
public class PaymentResource {
    @Inject
    PaymentService payments;
    @Inject
    ObjectMapper mapper;
    @Inject
    Validator validator;
    @Inject
    OrderConfig config;

    @Schema(description = "The provider's report of a payment")
    public record PaymentCallback(
            @NotBlank @Size(max = 100) @Schema(examples = "pay_7QX2") String paymentId,
            @NotNull @Schema(examples = "0b9f6c1e-3d7a-4f2b-9a51-6c0d2e8f4a17") UUID orderId,
            @NotBlank @Schema(examples = "SUCCEEDED", description = "only SUCCEEDED marks the order paid; others are acknowledged") String status,
            @Min(0) @Schema(examples = "549000") long amountKopecks,
            @NotBlank @Schema(examples = "RUB") String currency,
            @Schema(examples = "2026-11-27T10:05:00Z") OffsetDateTime paidAt) {
    }

    public record CallbackResult(String paymentId, UUID orderId, String result) {
    }

    @POST
    @Operation(summary = "Payment provider callback (R15)", description = "Header X-Payment-Signature = hex "
            + "HMAC-SHA256 of the raw body with the shared secret. Idempotent per paymentId. Marks an ONLINE order "
            + "awaiting payment PAID when the amount is the payable amount, and publishes OrderPaid.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PaymentCallback.class)))
    @APIResponse(responseCode = "200", description = "Recorded (result PAID), already recorded (ALREADY_RECORDED), "
            + "or a status other than SUCCEEDED (IGNORED)")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "401", description = "Signature missing or wrong")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "The order does not await payment (problem with currentStatus)")
    @APIResponse(responseCode = "422", description = "Not an ONLINE order, or the amount is not the payable amount")
    public CallbackResult callback(@Context HttpHeaders headers, String rawBody) throws Exception {
        byte[] raw = rawBody == null ? new byte[0] : rawBody.getBytes(StandardCharsets.UTF_8);
        String header = config.paymentProvider().signatureHeader();
        Signatures.verify(config.paymentProvider().secret(), raw, headers.getHeaderString(header), header);
        PaymentCallback cb = mapper.readValue(raw, PaymentCallback.class);
        if (cb == null) {
            throw new ConstraintViolationException("Send the callback as a JSON object", Set.of());
        }
        Set<ConstraintViolation<PaymentCallback>> violations = validator.validate(cb);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        if (!"SUCCEEDED".equals(cb.status())) {
            return new CallbackResult(cb.paymentId(), cb.orderId(), "IGNORED");
        }
        PaymentService.OnlinePayment payment = new PaymentService.OnlinePayment(cb.paymentId(), cb.orderId(),
                cb.amountKopecks(), cb.currency(), cb.paidAt());
        PaymentService.Recorded recorded;
        try {
            recorded = payments.onlinePaid(payment);
        } catch (PersistenceException e) {
            recorded = payments.onlinePaid(payment); // a concurrent copy of this callback won: now it is a replay
        }
        return new CallbackResult(cb.paymentId(), cb.orderId(), recorded.replayed() ? "ALREADY_RECORDED" : "PAID");
    }
}
