package ru.parus.customer.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

import ru.parus.customer.domain.Customer;
import ru.parus.customer.domain.CustomerConsent;
import ru.parus.customer.service.AccessLog;
import ru.parus.customer.service.ContactService;
import ru.parus.customer.service.CustomerService;
import ru.parus.platform.problem.IfMatch;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/** R21: contacts, consents and preferences of one customer, with optimistic locking (ETag / If-Match). */
@Path("/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contacts and consents")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
public class ContactResource {
    @Inject
    ContactService contacts;
    @Inject
    CustomerService customers;
    @Inject
    CurrentStaff staff;
    @Inject
    AccessLog accessLog;

    @Schema(description = "R21: consents per channel, the preferred channel and quiet hours in the customer's zone")
    public record PreferencesView(List<ConsentView> consents, String preferredChannel,
            ContactService.QuietHours quietHours, String timeZone, long version) {
    }

    public record ConsentView(String channel, boolean granted, OffsetDateTime changedAt, String method, String changedBy) {
        static ConsentView of(CustomerConsent c) {
            return new ConsentView(c.channel.name(), c.granted, c.changedAt, c.method.name(), c.changedBy);
        }
    }

    @Schema(description = "All contacts of the customer; phones in E.164, e-mails lower case")
    public record ContactsView(List<String> phones, List<String> emails, List<ContactService.Messenger> messengers,
            long version) {
    }

    @GET
    @Path("/contacts")
    @Operation(summary = "The customer's phones, e-mails and messenger handles (R21)")
    @APIResponse(responseCode = "200", description = "The contacts; ETag is the customer's version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactsView.class)))
    @APIResponse(responseCode = "404", description = "No such customer, or not visible to this manager (R24)")
    public Response getContacts(@PathParam("id") UUID id) {
        Customer customer = customers.get(id, staff);
        return contactsResponse(customer);
    }

    @PUT
    @Path("/contacts")
    @Operation(summary = "Replace the customer's contacts (R21); publishes CustomerContactsChanged")
    @APIResponse(responseCode = "200", description = "The contacts after the change, with the new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactsView.class)))
    @APIResponse(responseCode = "400", description = "A bad phone, e-mail or messenger, or an If-Match that is no ETag of ours (problem+json)")
    @APIResponse(responseCode = "404", description = "No such customer, or not visible to this manager (R24)")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version: reload and repeat")
    public Response putContacts(@PathParam("id") UUID id,
            @Parameter(description = "the ETag of your last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull ContactService.Contacts request) {
        Customer customer = contacts.replaceContacts(id, version(ifMatch), request, staff);
        return contactsResponse(customer);
    }

    @GET
    @Path("/consents")
    @Operation(summary = "Consents per channel, preferred channel and quiet hours (R21)")
    @APIResponse(responseCode = "200", description = "The preferences; ETag is the customer's version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferencesView.class)))
    @APIResponse(responseCode = "404", description = "No such customer, or not visible to this manager (R24)")
    public Response getConsents(@PathParam("id") UUID id) {
        Customer customer = customers.get(id, staff);
        return preferencesResponse(customer);
    }

    @PUT
    @Path("/consents")
    @Operation(summary = "Give or withdraw consents, set the preferred channel and quiet hours (R21); "
            + "publishes CustomerConsentChanged",
            description = "Channels not named keep their consent. A preferred channel needs a granted consent; quiet "
                    + "hours need the customer's IANA time zone.")
    @APIResponse(responseCode = "200", description = "The preferences after the change, with the new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PreferencesView.class)))
    @APIResponse(responseCode = "400", description = "Unknown channel or method, bad time or zone, or an If-Match that is no ETag of ours (problem+json)")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version: reload and repeat")
    @APIResponse(responseCode = "422", description = "The preferred channel has no consent")
    public Response putConsents(@PathParam("id") UUID id,
            @Parameter(description = "the ETag of your last read", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull ContactService.Preferences request) {
        Customer customer = contacts.changePreferences(id, version(ifMatch), request, staff);
        return preferencesResponse(customer);
    }

    private Response contactsResponse(Customer customer) {
        accessLog.read(customer.id, "GET /customers/{id}/contacts", "phone,email,contacts", staff); // R24
        ContactService.Contacts c = contacts.contacts(customer.id);
        return Response.ok(new ContactsView(c.phones(), c.emails(), c.messengers(), customer.version))
                .tag(new EntityTag(Long.toString(customer.version))).build();
    }

    private Response preferencesResponse(Customer customer) {
        accessLog.read(customer.id, "GET /customers/{id}/consents", "contacts", staff); // R24
        PreferencesView view = new PreferencesView(
                contacts.consents(customer.id).stream().map(ConsentView::of).toList(),
                customer.preferredChannel == null ? null : customer.preferredChannel.name(),
                customer.quietFrom == null ? null : new ContactService.QuietHours(customer.quietFrom, customer.quietTo),
                customer.timeZone, customer.version);
        return Response.ok(view).tag(new EntityTag(Long.toString(customer.version))).build();
    }

    private static long version(String ifMatch) {
        return IfMatch.required(ifMatch, "the ETag of your last GET of this customer or its contacts");
    }
}
