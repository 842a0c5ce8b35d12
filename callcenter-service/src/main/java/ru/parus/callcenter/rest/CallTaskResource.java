package ru.parus.callcenter.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import ru.parus.callcenter.config.CallCenterConfig;
import ru.parus.callcenter.domain.CallTask;
import ru.parus.callcenter.domain.Priority;
import ru.parus.callcenter.domain.SuggestedWindow;
import ru.parus.callcenter.service.BestHours;
import ru.parus.callcenter.service.CallTaskService;
import ru.parus.callcenter.service.CallTaskService.Viewer;
import ru.parus.callcenter.service.RecordAccess;
import ru.parus.callcenter.repository.TaskChanges;
import ru.parus.platform.paging.Page;
import ru.parus.platform.sse.ChangeFeed;
import ru.parus.platform.sse.PollingSse;
import ru.parus.platform.problem.IfMatch;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

@Path("/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Call tasks")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
public class CallTaskResource {
    @Inject
    CallTaskService service;
    @Inject
    RecordAccess access;
    @Inject
    CurrentStaff staff;
    @Inject
    TaskChanges changes;
    @Inject
    CallCenterConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    BestHours bestHours;

    @Schema(description = "A call a manager has to make")
    public record CallTaskView(UUID id, UUID customerId,
            @Schema(example = "UNPAID_ORDER", enumeration = { "REACTIVATION", "UNPAID_ORDER", "ORDER_READY", "ASSIGNED", "CALLBACK", "ESCALATION", "DISCOUNT_APPROVAL", "REPLENISHMENT" }) String kind,
            @Schema(example = "order:0b9f6c1e-3d7a-4f2b-9a51-6c0d2e8f4a17") String cause, UUID orderId,
            @Schema(example = "manager-1", description = "null: unassigned, in the head's queue") String assignee,
            @Schema(example = "OPEN", enumeration = { "OPEN", "DONE", "CLOSED" }) String status,
            @Schema(example = "HIGH", enumeration = { "HIGH", "NORMAL", "LOW" }) String priority,
            @Schema(example = "unpaid-order") String script, OffsetDateTime dueAt, OffsetDateTime createdAt,
            String outcome, String note, String completedBy, OffsetDateTime completedAt, String closedReason,
            OffsetDateTime closedAt, long version,
            @Schema(example = "manager-1", description = "R22: whose task it is while it is with a deputy") String originalAssignee,
            @Schema(example = "+79123456789", description = "CALLBACK: the number to call back") String phone,
            @Schema(description = "CALLBACK, ESCALATION: the call behind the task") UUID callId,
            @Schema(description = "ESCALATION (R19): the escalation to resolve") UUID escalationId,
            @Schema(example = "7", description = "DISCOUNT_APPROVAL (R10): the percent asked for") java.math.BigDecimal discountPercent,
            @Schema(description = "REPLENISHMENT (R25): the product family; an order of any of its variants closes the task") UUID familyId,
            @Schema(example = "WHEY-900-CHOC", description = "REPLENISHMENT (R25): the product bought") String sku,
            @Schema(example = "Whey Protein 900 g, chocolate", description = "REPLENISHMENT (R25)") String productName,
            @Schema(example = "2026-12-02", description = "REPLENISHMENT (R25): when the supply is expected to run out") java.time.LocalDate runOutOn,
            @Schema(description = "REPLENISHMENT (R25): the order of the family that closed the task (REORDERED)") UUID reorderId,
            @Schema(description = "Issue 17 (R18, R21): an open task's best hour to call within the coming week; null "
                    + "when the task is not open or no allowed hour has enough calls yet") SuggestedWindowView suggestedWindow) {
        static CallTaskView of(CallTask t, SuggestedWindow w) {
            return new CallTaskView(t.id, t.customerId, t.kind, t.cause, t.orderId, t.assignee, t.status.name(),
                    Priority.ofRank(t.priority).name(), t.script, t.dueAt, t.createdAt, t.outcome, t.note,
                    t.completedBy, t.completedAt, t.closedReason, t.closedAt, t.version,
                    t.originalAssignee, t.phone, t.callId, t.escalationId, t.discountPercent,
                    t.familyId, t.sku, t.productName, t.runOutOn, t.reorderId,
                    t.isOpen() && w != null ? new SuggestedWindowView(w.from(), w.to(), w.reachRate(), w.basis().name()) : null);
        }
    }

    @Schema(name = "SuggestedWindow", description = "Issue 17: the hour (in the customer's time zone, outside their "
            + "quiet hours, R21) in which calls reached the customer best: from the hour's start, or now when it has "
            + "begun, to its end")
    public record SuggestedWindowView(
            @Schema(required = true, example = "2026-11-27T07:00:00Z") OffsetDateTime from,
            @Schema(required = true, example = "2026-11-27T08:00:00Z") OffsetDateTime to,
            @Schema(required = true, example = "0.6667", description = "reached / calls in that weekday-hour, 4 decimals") java.math.BigDecimal reachRate,
            @Schema(required = true, example = "CUSTOMER", enumeration = { "CUSTOMER", "OVERALL" }, description = "CUSTOMER: "
                    + "the customer's own calls (at least parus.callcenter.best-hour.min-calls there); OVERALL: every "
                    + "customer's, each at their own local time") String basis) {
    }

    @Schema(description = "One page of the queue")
    public record TaskPageView(@Schema(example = "42") long total, @Schema(example = "0") int page,
            @Schema(example = "20") int size, List<CallTaskView> items) {
    }

    @Schema(description = "The result of the call")
    public record CompleteRequest(
            @Schema(required = true, example = "REACHED_AGREED", description = "one of parus.callcenter.outcomes") String outcome,
            @Schema(example = "Клиент оплатит сегодня вечером") String note) {
    }

    @GET
    @Operation(summary = "The task queue", description = "Open tasks ordered by priority, then due time; "
            + "sort=suggestedWindow: those whose suggested window (issue 17) starts soonest first, tasks without a "
            + "window last, then by priority and due time. "
            + "assignee=me for the caller's own; unassigned for the head's queue; a staff id (head, director). "
            + "overdue=true: only tasks past due. Without assignee the head and the director get every open task, "
            + "a manager their own.")
    @APIResponse(responseCode = "200", description = "A page of tasks")
    @APIResponse(responseCode = "400", description = "Bad page, size, overdue or sort (problem+json; a bad sort lists allowedSorts)")
    @APIResponse(responseCode = "403", description = "A manager asked for another manager's tasks the caller does not deputise for (R24, R22)")
    public TaskPageView list(
            @Parameter(description = "me, unassigned or a staff id", example = "me") @QueryParam("assignee") String assignee,
            @Parameter(description = "true: only overdue tasks", example = "true") @QueryParam("overdue") String overdue,
            @Parameter(description = "priority (default): by priority, then due time; suggestedWindow: the soonest "
                    + "suggested window first", schema = @Schema(enumeration = { "priority", "suggestedWindow" }),
                    example = "suggestedWindow") @QueryParam("sort") String sort,
            @Parameter(description = "0-based page", example = "0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1..100", example = "20") @QueryParam("size") String size) {
        Page<CallTask> p = service.list(viewer(), assignee, overdue, sort, integer("page", page), integer("size", size));
        access.tasksShown("GET /tasks", p.items()); // R24
        Map<UUID, SuggestedWindow> windows = bestHours.windows(p.items().stream().map(t -> t.id).toList());
        return new TaskPageView(p.total(), p.page(), p.size(),
                p.items().stream().map(t -> CallTaskView.of(t, windows.get(t.id))).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A call task")
    @APIResponse(responseCode = "200", description = "The task; ETag carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CallTaskView.class)),
            headers = @Header(name = "ETag", description = "the version, for If-Match",
                    schema = @Schema(type = SchemaType.STRING, example = "\"3\"")))
    @APIResponse(responseCode = "403", description = "Another manager's task the caller does not deputise for (R24, R22)")
    @APIResponse(responseCode = "404", description = "No such task (problem+json)")
    public Response get(@PathParam("id") UUID id) {
        CallTask task = service.get(id, viewer());
        access.tasksShown("GET /tasks/{id}", List.of(task)); // R24
        return ok(task);
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.MANAGER, Roles.HEAD })
    @Operation(summary = "Complete the task with the call's outcome (R6)", description = "By the assignee (or original assignee, or their deputy) or the "
            + "head. Send If-Match with the ETag you read to be told of a concurrent change. Publishes CallTaskCompleted.")
    @APIResponse(responseCode = "200", description = "Completed; ETag carries the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CallTaskView.class)),
            headers = @Header(name = "ETag", description = "the version, for If-Match",
                    schema = @Schema(type = SchemaType.STRING, example = "\"3\"")))
    @APIResponse(responseCode = "400", description = "Outcome missing or not configured (problem with allowedOutcomes)")
    @APIResponse(responseCode = "403", description = "Another manager's task the caller does not deputise for (R24, R22)")
    @APIResponse(responseCode = "404", description = "No such task")
    @APIResponse(responseCode = "409", description = "Already completed or closed (problem with currentStatus)")
    @APIResponse(responseCode = "412", description = "If-Match stale (problem with currentVersion)")
    public Response complete(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the task as read", example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
            CompleteRequest request) {
        if (request == null) {
            throw ProblemException.invalidField("outcome", "required");
        }
        CallTask task = service.complete(id, viewer(), request.outcome(), request.note(), version(ifMatch));
        access.tasksShown("POST /tasks/{id}/complete", List.of(task)); // R24
        return ok(task);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "The caller's task queue as it changes (server-sent events)", description = "Events "
            + "task-created, task-assigned, task-completed, task-closed of the tasks the caller may read (R24, R22: "
            + "assignee or original assignee, or a colleague's while deputising; HEAD, DIRECTOR and ADMIN every task), "
            + "data {id, event, taskId, kind, status, assignee, originalAssignee, previousAssignee, customerId, dueAt, "
            + "changedAt}; the SSE id resumes after a reconnect (Last-Event-ID header, or lastEventId); without it "
            + "the stream starts now. A comment every 15 s keeps proxies from closing it.")
    @APIResponse(responseCode = "200", description = "text/event-stream, open until the client leaves: events "
            + "task-created, task-assigned, task-completed, task-closed whose data is one JSON object",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "a task for the caller", value = """
                            id: 17
                            event: task-created
                            data: {"id":17,"event":"task-created","taskId":"8c1f2e6a-3b4d-4c5e-9f70-1a2b3c4d5e6f","kind":"UNPAID_ORDER","status":"OPEN","assignee":"manager-1","originalAssignee":"manager-1","previousAssignee":null,"customerId":"5d2a8e44-91c3-4b6f-8f0e-2a7b3c9d1e55","dueAt":"2026-11-27T12:00:00Z","changedAt":"2026-11-27T10:05:00Z"}

                            """)))
    @APIResponse(responseCode = "400", description = "Last-Event-ID not an event id (problem+json)")
    public Multi<OutboundSseEvent> stream(
            @Parameter(description = "the last event id received") @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = "the same, for clients that cannot set the header") @QueryParam("lastEventId") String lastEventIdQuery,
            @Context Sse sse) {
        TaskChanges.Reader reader = new TaskChanges.Reader(staff.id(), staff.seesAll()); // R24, R22: decided per change
        Long after = PollingSse.lastEventId(lastEventId, lastEventIdQuery);
        ChangeFeed.Cursor start = after == null ? changes.now() : changes.after(after);
        return PollingSse.stream(sse, start, config.streamPollEvery(), config.streamHeartbeatEvery(), cursor -> {
            ChangeFeed.Batch<TaskChanges.Change> batch = changes.read(cursor, reader, config.streamMaxPerPoll());
            return new PollingSse.Page<>(batch.changes().stream().map(c -> event(sse, c)).toList(), batch.next());
        });
    }

    private OutboundSseEvent event(Sse sse, TaskChanges.Change change) {
        try {
            return sse.newEventBuilder().id(Long.toString(change.id())).name(change.event())
                    .data(json.writeValueAsString(change)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Viewer viewer() {
        return new Viewer(staff.id(), staff.seesAll());
    }

    private Response ok(CallTask task) {
        SuggestedWindow window = task.isOpen() ? bestHours.windows(List.of(task.id)).get(task.id) : null;
        return Response.ok(CallTaskView.of(task, window)).tag(new EntityTag(Long.toString(task.version))).build();
    }

    static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "not a whole number: " + value);
        }
    }

    static Long version(String ifMatch) {
        return IfMatch.version(ifMatch).orElse(null);
    }
}
