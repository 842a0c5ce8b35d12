package ru.parus.customer.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.parus.customer.domain.Customer;
import ru.parus.customer.repository.TimelineRepository;
import ru.parus.customer.service.AccessLog;
import ru.parus.customer.service.CustomerService;
import ru.parus.customer.service.Timeline;
import ru.parus.platform.paging.Page;
import ru.parus.platform.paging.PageRequest;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/** R6: everything that happened with the customer, newest first. */
@Path("/customers/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
public class TimelineResource {
    @Inject
    Timeline timeline;
    @Inject
    CustomerService customers;
    @Inject
    AccessLog accessLog;
    @Inject
    CurrentStaff staff;

    public record TimelinePage(long total, int page, int size, List<TimelineRepository.Entry> items) {
        static TimelinePage of(Page<TimelineRepository.Entry> found) {
            return new TimelinePage(found.total(), found.page(), found.size(), found.items());
        }
    }

    @GET
    @Operation(summary = "The customer's timeline, newest first (R6)",
            description = "Everything that happened with the customer, from the events of all services: orders and their "
                    + "status changes (OrderPlaced, OrderConfirmed, OrderPaid, OrderPaymentOverdue, OrderCancelled), calls, "
                    + "call tasks and escalations (CallRegistered, CallTaskCreated, CallTaskCompleted, CallTaskClosed, "
                    + "CallEscalated, EscalationResolved), complaints and wishes (FeedbackReceived, FeedbackAnswered), "
                    + "messages (MessageSent, MessageFailed, MessageSkipped), shipments (ShipmentCreated, ShipmentPacked, "
                    + "ShipmentHandedToCarrier, ShipmentReadyForPickup, ShipmentDelivered, ShipmentCancelled, "
                    + "ShipmentReturnRequested, ShipmentReturned), notes (NoteAdded) and the customer's own events "
                    + "(registration, update, contacts, consents, dormancy, reactivation, merges, erasure), including "
                    + "those of customers merged into this one. kind is the event name; occurredAt the event's business "
                    + "time; summary its ids, amounts, channels, statuses and outcomes, never free text or contact data "
                    + "of other services' events.")
    @APIResponse(responseCode = "200", description = "One page with the total")
    @APIResponse(responseCode = "400", description = "Bad page or size (problem+json)")
    @APIResponse(responseCode = "404", description = "No such customer, or not visible to this manager (R24)")
    public TimelinePage get(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Customer customer = customers.get(id, staff);
        accessLog.read(customer.id, "GET /customers/{id}/timeline", "name", staff); // R24
        List<UUID> ids = new ArrayList<>(customers.mergedFrom(customer.id));
        ids.add(customer.id);
        return TimelinePage.of(timeline.page(ids, new PageRequest(page, size)));
    }
}
