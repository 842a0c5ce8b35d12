package ru.parus.callcenter.rest;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.callcenter.service.TelephonyService;
import ru.parus.callcenter.service.TelephonyService.Outcome;
import ru.parus.callcenter.service.TelephonyService.TelephonyEvent;
import ru.parus.platform.problem.ProblemException;

/** R18: the webhook a PBX or cloud telephony posts call states to; authenticated by a shared secret, not a JWT. */
@Path("/telephony/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Telephony")
@PermitAll
// OpenAPI: no bearer token (security: []); the X-Telephony-Secret header is checked instead
@SecurityRequirements
public class TelephonyResource {
    public static final String SECRET_HEADER = "X-Telephony-Secret";

    @Inject
    TelephonyService service;
    @Inject
    Validator validator;

    @Schema(description = "One state of a call, as the telephony posts it. Post every state; a replay of the same "
            + "(callId, state) changes nothing.")
    public record TelephonyEventRequest(
            @Schema(required = true, example = "pbx-77231", description = "the PBX's id of the call")
            @NotBlank(message = CALL_ID) @Size(max = 200, message = CALL_ID) String callId,
            @Schema(required = true, example = "INBOUND", enumeration = { "INBOUND", "OUTBOUND" })
            @NotNull(message = DIRECTION) @Pattern(regexp = "INBOUND|OUTBOUND", message = DIRECTION) String direction,
            @Schema(required = true, example = "+79123456789", description = "caller; the customer for INBOUND") String from,
            @Schema(required = true, example = "+74951234567", description = "callee; the customer for OUTBOUND") String to,
            @Schema(example = "101", description = "the manager's extension (staff.extension)") String extension,
            @Schema(example = "manager-1", description = "the manager's staff id, if the telephony knows it") String managerId,
            @Schema(required = true, example = "MISSED", enumeration = { "RINGING", "ANSWERED", "MISSED", "ENDED" })
            @NotNull(message = STATE) @Pattern(regexp = "RINGING|ANSWERED|MISSED|ENDED", message = STATE) String state,
            @Schema(required = true, example = "2026-11-27T10:00:00+03:00") @NotNull(message = "required") OffsetDateTime at) {
        static final String CALL_ID = "required, up to 200 characters";
        static final String DIRECTION = "one of INBOUND, OUTBOUND";
        static final String STATE = "one of RINGING, ANSWERED, MISSED, ENDED";
    }

    @Schema(description = "What the event did")
    public record TelephonyEventResponse(UUID callId,
            @Schema(example = "MISSED", enumeration = { "RINGING", "ANSWERED", "MISSED", "COMPLETED" }) String status,
            @Schema(description = "true: this (callId, state) was taken before; nothing changed") boolean duplicate,
            @Schema(description = "the CALLBACK task a missed inbound call made") UUID callbackTaskId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A call state from the telephony (R18)", description = "RINGING registers the call; "
            + "ANSWERED records the answer; ENDED completes it (duration from the answer) and publishes CallRegistered; "
            + "MISSED does too and, for an inbound call, makes one CALLBACK task for the customer's owner manager "
            + "(or their deputy). The customer is matched by the phone (from for INBOUND, to for OUTBOUND); the "
            + "manager by managerId or extension. Needs the header X-Telephony-Secret (parus.callcenter.telephony-secret).")
    @APIResponse(responseCode = "200", description = "Taken (or a replay: duplicate=true)")
    @APIResponse(responseCode = "400", description = "Missing or bad fields, bad phone (problem+json)")
    @APIResponse(responseCode = "401", description = "Secret missing or wrong (problem+json)")
    public TelephonyEventResponse post(
            @Parameter(description = "the shared secret", required = true) @HeaderParam(SECRET_HEADER) String secret,
            TelephonyEventRequest r) {
        service.authenticate(secret);
        if (r == null) {
            throw ProblemException.invalidField("callId", "required");
        }
        // checked after the secret (a 401 comes before a 400), hence not by @Valid
        Set<ConstraintViolation<TelephonyEventRequest>> violations = validator.validate(r);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Outcome o = service.accept(new TelephonyEvent(r.callId(), r.direction(), r.from(), r.to(), r.extension(),
                r.managerId(), r.state(), r.at()));
        return new TelephonyEventResponse(o.callId(), o.status(), o.duplicate(), o.callbackTaskId());
    }
}
