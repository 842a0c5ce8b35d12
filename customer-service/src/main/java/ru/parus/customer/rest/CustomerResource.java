package ru.parus.customer.rest;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import ru.parus.customer.domain.Customer;
import ru.parus.customer.repository.CustomerSearch;
import ru.parus.customer.repository.DuplicateRepository;
import ru.parus.customer.service.AccessLog;
import ru.parus.customer.service.CustomerService;
import ru.parus.customer.service.CustomerUpdates;
import ru.parus.customer.service.MergeService;
import ru.parus.platform.problem.IfMatch;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
public class CustomerResource {
    @Inject
    CustomerService service;
    @Inject
    CurrentStaff staff;
    @Inject
    AccessLog accessLog;
    @Inject
    MergeService merges;
    @Inject
    CustomerUpdates updates;

    @Schema(description = "A new customer; the phone may be written in any usual way and is stored in E.164")
    public record CreateCustomerRequest(
            @NotBlank @Size(max = 200) @Schema(examples = "Анна Смирнова") String name,
            @NotBlank @Size(max = 40) @Schema(examples = "8 (912) 345-67-89") String phone,
            @Email @Size(max = 254) @Schema(examples = "anna@example.org") String email,
            @NotNull @Schema(examples = "ATHLETE", description = "ATHLETE, FITNESS, HEALTHY_LIFESTYLE or WHOLESALE") String type) {
    }

    public record CustomerView(UUID id, String name, String phone, String email, String type, String ownerManagerId,
            OffsetDateTime createdAt, OffsetDateTime lastOrderAt, int orderCount,
            @Schema(description = "R14: sum of the orders' totals, kopecks") long lifetimeValueKopecks,
            @Schema(description = "R14: set while the customer is dormant") OffsetDateTime dormantSince,
            @Schema(description = "R14: dormancy episodes so far") int dormancyEpisode,
            @Schema(description = "PHONE (registered by a manager), LACTOMIN or WATTN (a storefront buyer)") String registeredVia,
            @Schema(description = "Customers sharing a phone or e-mail with this one, for the head to merge")
            List<DuplicateRepository.Match> suspectedDuplicates,
            @Schema(description = "ids merged into this customer, directly or through one merged into it; they resolve to it") List<UUID> mergedFrom,
            @Schema(description = "R24: set when the customer's personal data were erased on their request") OffsetDateTime erasedAt,
            @Schema(description = "PERSON or COMPANY") String kind,
            @Schema(description = "a COMPANY's legal name, INN and KPP; null for a PERSON") CustomerUpdates.Company company,
            @Schema(description = "labels set by managers, sorted") List<String> tags,
            @Schema(description = "storefronts where the customer has bought (from their orders; PHONE orders name "
                    + "none), sorted", examples = "[\"LACTOMIN\", \"WATTN\"]") List<String> storefronts,
            long version) {
        static CustomerView of(Customer c, List<DuplicateRepository.Match> duplicates, List<UUID> mergedFrom,
                List<String> tags, List<String> storefronts) {
            return new CustomerView(c.id, c.name, c.phone, c.email, c.type, c.ownerManagerId, c.createdAt,
                    c.lastOrderAt, c.orderCount, c.lifetimeValueKopecks, c.dormantSince, c.dormancyEpisode,
                    c.registeredVia, duplicates, mergedFrom, c.erasedAt, c.kind,
                    c.inn == null ? null : new CustomerUpdates.Company(c.legalName, c.inn, c.kpp), tags, storefronts,
                    c.version);
        }
    }

    @POST
    @Operation(summary = "Register a customer")
    @APIResponse(responseCode = "201", description = "Registered; CustomerRegistered is published. Location names the "
            + "customer, ETag carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (problem+json with errors[])")
    @APIResponse(responseCode = "409", description = "Another customer has this phone or e-mail: problem+json with "
            + "existingCustomerId and matchedOn (PHONE or EMAIL); repeat with allowDuplicate=true to register anyway",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "duplicate phone",
                    value = """
                            {"type":"urn:parus:problem:conflict","title":"Conflict","status":409,
                            "detail":"A customer with this phone exists already; use it, or repeat with allowDuplicate=true",
                            "instance":"/customers","existingCustomerId":"5d2a8e44-91c3-4b6f-8f0e-2a7b3c9d1e55",
                            "matchedOn":"PHONE"}""")))
    public Response create(@Valid @NotNull CreateCustomerRequest request,
            @Parameter(description = "register even if another customer has this phone or e-mail; the pair is then "
                    + "listed as a suspected duplicate") @QueryParam("allowDuplicate") @DefaultValue("false") boolean allowDuplicate) {
        Customer customer = service.register(
                new CustomerService.NewCustomer(request.name(), request.phone(), request.email(), request.type()),
                allowDuplicate, staff);
        return Response.created(URI.create("/customers/" + customer.id))
                .entity(view(customer))
                .tag(etag(customer)).build();
    }

    @Schema(description = "A search hit: enough to pick the customer during a call")
    public record SearchHit(UUID id, String name, String phone, String email, String type, String ownerManagerId,
            OffsetDateTime lastOrderAt) {
    }

    @Schema(description = "One page of search hits. At most parus.customer.search-max-hits (1000) hits are counted "
            + "and sorted: up to it, total is exact and the pages run through all hits by name; above it, "
            + "totalIsLowerBound is true, total is the cap, and the pages run through the first hits found, "
            + "sorted by name: the manager narrows the query.")
    public record SearchPage(
            @Schema(description = "hits; at most the cap", examples = "1000") long total,
            @Schema(description = "true when there are more hits than total", examples = "true") boolean totalIsLowerBound,
            @Schema(examples = "0") int page,
            @Schema(examples = "20") int size,
            List<SearchHit> items) {
    }

    @GET
    @Operation(summary = "Find customers by any part of a phone number, a name or an e-mail",
            description = "For a manager during a call. Name words match in any order (\"анна смирнова\" finds "
                    + "\"Смирнова Анна Петровна\"); phone digits in any spelling (8 = +7). R24: a manager finds their own "
                    + "customers, those of a manager they deputise for and those nobody owns; HEAD, DIRECTOR and ADMIN "
                    + "find all. Sorted by name; paginated. At most parus.customer.search-max-hits (1000) hits are "
                    + "counted: above it totalIsLowerBound is true and the pages hold the first hits found, sorted by name.")
    @APIResponse(responseCode = "200", description = "One page of hits with the (possibly capped) total",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchPage.class),
                    examples = @ExampleObject(name = "a common surname",
                    value = """
                            {"total":1000,"totalIsLowerBound":true,"page":0,"size":20,"items":[{"id":"5d2a8e44-91c3-4b6f-8f0e-2a7b3c9d1e55",
                            "name":"Иванова Анна Сергеевна","phone":"+79123456789","email":"anna@example.org","type":"FITNESS",
                            "ownerManagerId":"manager-1","lastOrderAt":"2026-11-27T09:30:00Z"}]}""")))
    @APIResponse(responseCode = "400", description = "q without 3 letters or digits in a row (nor 3 digits of a phone), "
            + "longer than parus.customer.search-max-length (100), or a bad page/size (problem+json)")
    public SearchPage search(
            @Parameter(description = "3 letters or digits in a row, or 3 digits of a phone, e.g. 345-67, Смирн, анна смирнова, anna@", example = "912 345")
            @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        CustomerSearch.Page found = service.search(q, page, size, staff);
        accessLog.read(found.items().stream().map(c -> c.id).toList(), "GET /customers?q", "name,phone,email", staff); // R24
        return new SearchPage(found.total(), found.totalIsLowerBound(), page, size, found.items().stream()
                .map(c -> new SearchHit(c.id, c.name, c.phone, c.email, c.type, c.ownerManagerId, c.lastOrderAt))
                .toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A customer with their order activity")
    @APIResponse(responseCode = "200", description = "The customer; ETag carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "404", description = "No such customer, or not visible to this manager (R24)")
    public Response get(@PathParam("id") UUID id) {
        Customer customer = service.get(id, staff); // a merged id resolves to the surviving customer
        accessLog.read(customer.id, "GET /customers/{id}", "name,phone,email", staff); // R24
        return Response.ok(view(customer)).tag(etag(customer)).build();
    }

    public record MergeRequest(@NotNull @Schema(examples = "5d2a8e44-91c3-4b6f-8f0e-2a7b3c9d1e55") UUID intoCustomerId) {
    }

    @POST
    @Path("/{id}/merge")
    @RolesAllowed(Roles.HEAD)
    @Operation(summary = "Merge this customer into another (HEAD)",
            description = "Contacts, consents (the later decision per channel), order activity and suspected-duplicate "
                    + "pairs follow; this id keeps resolving to the surviving customer, whose mergedFrom lists it. "
                    + "Publishes CustomersMerged.")
    @APIResponse(responseCode = "200", description = "The surviving customer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = "intoCustomerId missing or the same customer (problem+json)")
    @APIResponse(responseCode = "403", description = "Only the head merges (problem+json)")
    @APIResponse(responseCode = "404", description = "Either customer does not exist (problem+json)")
    @APIResponse(responseCode = "409", description = "Either customer was merged already (problem+json)")
    public Response merge(@PathParam("id") UUID id, @Valid @NotNull MergeRequest request) {
        Customer survivor = merges.merge(id, request.intoCustomerId(), staff);
        Customer fresh = service.get(survivor.id, staff);
        return Response.ok(view(fresh)).tag(etag(fresh)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @Operation(summary = "Change the customer's name, type, owner manager, kind and company details, tags",
            description = "A merge patch: members left out stay as they are. ownerManagerId only by the HEAD (null: "
                    + "nobody owns the customer). kind COMPANY needs company {legalName, inn, kpp}: INN of 10 digits "
                    + "(organisation, KPP required) or 12 (individual entrepreneur, no KPP) with valid check digits. "
                    + "tags is the whole set. Needs If-Match; publishes CustomerUpdated with the changed fields "
                    + "(none when nothing changed).")
    @APIResponse(responseCode = "200", description = "The customer after the change, with the new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = "An unknown or invalid field, a bad INN/KPP, an If-Match that is "
            + "no ETag of ours (problem+json)",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "bad INN",
                    value = """
                            {"type":"urn:parus:problem:validation","title":"The request has invalid fields","status":400,
                            "detail":"company.inn: not a valid INN (10 or 12 digits with correct check digits)",
                            "instance":"/customers/5d2a8e44-91c3-4b6f-8f0e-2a7b3c9d1e55",
                            "errors":[{"field":"company.inn","message":"not a valid INN (10 or 12 digits with correct check digits)"}]}""")))
    @APIResponse(responseCode = "403", description = "Another manager's customer, or a manager changing the owner (problem+json)")
    @APIResponse(responseCode = "404", description = "No such customer (problem+json)")
    @APIResponse(responseCode = "409", description = "The customer was erased (problem+json)")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version: reload and repeat (problem+json)")
    public Response patch(@PathParam("id") UUID id,
            @Parameter(description = "the ETag of your last read", required = true) @HeaderParam(IfMatch.HEADER) String ifMatch,
            @Schema(examples = "{\"kind\":\"COMPANY\",\"company\":{\"legalName\":\"ООО «Спорт-Питание»\",\"inn\":\"7707083893\",\"kpp\":\"773601001\"},\"tags\":[\"опт\"]}")
            JsonNode patch) {
        Customer customer = updates.patch(id, IfMatch.required(ifMatch, "the ETag of your last GET of this customer"),
                patch, staff);
        accessLog.read(customer.id, "PATCH /customers/{id}", "name,phone,email", staff); // R24: the answer shows personal data
        return Response.ok(view(customer)).tag(etag(customer)).build();
    }

    public record NoteRequest(@NotBlank @Size(max = 4000) @Schema(examples = "Просил перезвонить после 18:00") String text) {
    }

    @POST
    @Path("/{id}/notes")
    @Operation(summary = "Add a note on the customer (R6); it appears in the timeline as NoteAdded")
    @APIResponse(responseCode = "201", description = "The note",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerUpdates.Note.class)))
    @APIResponse(responseCode = "400", description = "text missing, blank or longer than 4000 characters (problem+json)")
    @APIResponse(responseCode = "403", description = "Another manager's customer (problem+json)")
    @APIResponse(responseCode = "404", description = "No such customer (problem+json)")
    @APIResponse(responseCode = "409", description = "The customer was erased (problem+json)")
    public Response addNote(@PathParam("id") UUID id, @Valid @NotNull NoteRequest request) {
        CustomerUpdates.Note note = updates.addNote(id, request.text(), staff);
        return Response.status(Response.Status.CREATED).entity(note).build();
    }

    private CustomerView view(Customer customer) {
        return CustomerView.of(customer, service.suspectedDuplicates(customer.id), service.mergedFrom(customer.id),
                updates.tags(customer.id), service.storefronts(customer.id));
    }

    private static EntityTag etag(Customer c) {
        return new EntityTag(Long.toString(c.version));
    }
}
