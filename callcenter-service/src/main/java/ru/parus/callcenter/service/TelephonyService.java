package ru.parus.callcenter.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import ru.parus.callcenter.config.CallCenterConfig;
import ru.parus.callcenter.domain.CallStatus;
import ru.parus.callcenter.domain.PhoneCall;
import ru.parus.callcenter.domain.Staff;
import ru.parus.callcenter.repository.PhoneCallRepository;
import ru.parus.callcenter.repository.StaffRepository;
import ru.parus.platform.phone.PhoneNumbers;
import ru.parus.platform.problem.Credential;
import ru.parus.platform.problem.ProblemException;

/**
 * R18: the telephony (a PBX or a cloud telephony) posts each state of a call; the call is registered from them. Each
 * (PBX call id, state) is taken once, so a replay changes nothing; a missed inbound call makes one CALLBACK task.
 */
@ApplicationScoped
@Transactional
public class TelephonyService {
    public static final List<String> STATES = List.of("RINGING", "ANSWERED", "MISSED", "ENDED");

    @Inject
    PhoneCallRepository calls;
    @Inject
    StaffRepository staff;
    @Inject
    CustomerPhones customerPhones;
    @Inject
    PhoneNumbers phoneNumbers;
    @Inject
    CallService callService;
    @Inject
    TaskQueue queue;
    @Inject
    CallCenterConfig config;
    @Inject
    Clock clock;

    public record TelephonyEvent(String callId, String direction, String from, String to, String extension,
            String managerId, String state, OffsetDateTime at) {
    }

    public record Outcome(UUID callId, String status, boolean duplicate, UUID callbackTaskId) {
    }

    /** The shared secret, compared in constant time; a missing or wrong one is a 401. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void authenticate(String secret) {
        String expected = config.telephonySecret().orElse(null);
        if (expected == null || secret == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.unauthorized(Credential.header("shared secret", "X-Telephony-Secret"),
                    "X-Telephony-Secret missing or wrong");
        }
    }

    /** {@code e} as checked by the resource: callId, direction, state and at present and valid. */
    public Outcome accept(TelephonyEvent e) {
        // the fields are checked on the request (Bean Validation); the number depends on the direction
        String field = e.direction().equals("INBOUND") ? "from" : "to";
        String phone = phoneNumbers.normalize(field, field.equals("from") ? e.from() : e.to());
        OffsetDateTime at = CallService.utc(e.at());
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        // one PBX call at a time, whatever the replicas: its states may arrive together
        calls.lockPbxCall(e.callId());
        boolean fresh = calls.recordTelephonyEvent(e.callId(), e.state(), at, now);
        PhoneCall call = calls.byPbxCallId(e.callId());
        if (!fresh) {
            return new Outcome(call == null ? null : call.id, call == null ? null : call.status.name(), true, null);
        }
        if (call == null) {
            call = new PhoneCall();
            call.id = UUID.randomUUID();
            call.pbxCallId = e.callId();
            call.direction = e.direction();
            call.phone = phone;
            call.customerId = customerPhones.match(phone);
            call.status = CallStatus.RINGING;
            call.startedAt = at;
            call.source = "TELEPHONY";
            call.createdAt = now;
            calls.persist(call);
        }
        if (at.isBefore(call.startedAt)) {
            call.startedAt = at;
        }
        String manager = manager(e);
        if (manager != null) {
            call.managerId = manager;
        }
        UUID callbackTaskId = null;
        switch (e.state()) {
            case "ANSWERED" -> call.answer(at);
            case "ENDED" -> {
                if (call.end(at)) {
                    calls.flush();
                    callService.registered(call);
                }
            }
            case "MISSED" -> {
                if (call.miss(at)) {
                    calls.flush();
                    callService.registered(call);
                    if ("INBOUND".equals(call.direction)) {
                        // R18: a missed inbound call: one callback task per PBX call
                        var task = queue.missedCall(call.pbxCallId, call.id, call.customerId, call.phone, call.managerId);
                        callbackTaskId = task == null ? null : task.id;
                    }
                }
            }
            default -> {
                // RINGING: the call is known, nothing more
            }
        }
        calls.flush();
        return new Outcome(call.id, call.status.name(), false, callbackTaskId);
    }

    /** The manager named by the telephony: managerId as is, else the staff member with that extension. */
    private String manager(TelephonyEvent e) {
        if (e.managerId() != null && !e.managerId().isBlank()) {
            return e.managerId();
        }
        if (e.extension() != null && !e.extension().isBlank()) {
            Staff s = staff.byExtension(e.extension());
            return s == null ? null : s.staffId;
        }
        return null;
    }
}
