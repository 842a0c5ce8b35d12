package ru.parus.callcenter.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import ru.parus.callcenter.domain.KpiMetric;
import ru.parus.callcenter.service.Kpis;
import ru.parus.callcenter.service.Kpis.Figures;
import ru.parus.callcenter.service.Kpis.Report;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.security.CurrentStaff;
import ru.parus.platform.security.Roles;

/** R23: managers' KPIs per period as JSON or CSV, and the department's monthly targets. */
@Path("/kpi")
@Tag(name = "KPIs")
@SecurityRequirement(name = "jwt")
@RolesAllowed({ Roles.MANAGER, Roles.HEAD, Roles.DIRECTOR, Roles.ADMIN })
public class KpiResource {
    static final String CSV = "text/csv";
    private static final CsvMapper CSV_MAPPER = new CsvMapper();
    private static final String JSON_EXAMPLE = """
            {"from":"2026-11-01","to":"2026-11-30","managers":[{"managerId":"manager-1","proactiveCalls":12,
            "proactiveReached":9,"proactiveAgreed":4,"ordersTaken":31,"revenueKopecks":18450000,
            "averageOrderKopecks":595161,"orderErrors":1,"upsellOffers":62,"upsellAccepted":17,
            "upsellAcceptanceRate":0.2742,"tasksDone":20,"tasksDoneOnTime":18,"tasksOnTimeRate":0.9000}],
            "department":{"proactiveCalls":12,"ordersTaken":31},
            "targets":[{"metric":"ordersTaken","target":300,"actual":31,"achievedPercent":10.3}]}""";

    @Inject
    Kpis kpis;
    @Inject
    CurrentStaff staff;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Managers' KPIs for a period (R23)", description = "Computed from what was registered: "
            + "completed proactive-call tasks and their outcomes, orders taken and their value, orders cancelled for "
            + "the manager's mistake, upsell offers and answers, tasks done on time. A period is `month` (YYYY-MM) "
            + "or `from`..`to` (days, both included, the department's time zone); none = this month. The head, the "
            + "director and admins see every manager; a manager sees their own row and the department's. `targets` "
            + "(the head's, against the department's actuals) is filled when the period is one calendar month. "
            + "Send `Accept: text/csv` (or `format=csv`) for a spreadsheet.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "month", value = JSON_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Bad period (problem+json)")
    public Response report(@QueryParam("month") @Parameter(example = "2026-11") String month,
            @QueryParam("from") @Parameter(example = "2026-11-01") String from,
            @QueryParam("to") @Parameter(example = "2026-11-30") String to,
            @QueryParam("format") @Parameter(description = "csv for a spreadsheet") String format) {
        Report report = build(month, from, to);
        if ("csv".equalsIgnoreCase(format)) {
            return csvResponse(report);
        }
        if (format != null) {
            throw ProblemException.invalidField("format", "only csv (or leave it out for JSON)");
        }
        return Response.ok(json(report), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Produces(CSV)
    @Operation(summary = "Managers' KPIs for a period as CSV (R23)", description = "One row per manager, then DEPARTMENT.")
    public Response reportCsv(@QueryParam("month") String month, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return csvResponse(build(month, from, to));
    }

    @GET
    @Path("/targets/{month}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The department's targets for a month (R23)")
    public Map<String, BigDecimal> targets(@PathParam("month") @Parameter(example = "2026-11") String month) {
        return byJsonName(kpis.targets(month(month, "month")));
    }

    @PUT
    @Path("/targets/{month}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.HEAD, Roles.DIRECTOR })
    @Operation(summary = "Set the department's targets for a month (R23)", description = "All targets of the month at "
            + "once, by metric name (see GET /kpi); a metric left out has no target.")
    @APIResponse(responseCode = "200", description = "The targets now in force",
            content = @Content(examples = @ExampleObject(name = "targets", value = "{\"ordersTaken\":300,\"upsellAcceptanceRate\":0.25}")))
    @APIResponse(responseCode = "400", description = "Unknown metric or negative target (problem+json)")
    @APIResponse(responseCode = "403", description = "Only the head or the director (problem+json)")
    public Map<String, BigDecimal> setTargets(@PathParam("month") String month, Map<String, BigDecimal> targets) {
        return byJsonName(kpis.setTargets(month(month, "month"), targets, staff.id()));
    }

    private Report build(String month, String from, String to) {
        Kpis.Period period = kpis.period(date(from, "from"), date(to, "to"), month == null ? null : month(month, "month"));
        return kpis.report(period, staff.seesAll() ? null : staff.id());
    }

    private static Map<String, Object> json(Report report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", report.from().toString());
        body.put("to", report.to().toString());
        List<Map<String, Object>> managers = new ArrayList<>();
        for (Figures f : report.managers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("managerId", f.managerId());
            row.putAll(byJsonName(f.values()));
            managers.add(row);
        }
        body.put("managers", managers);
        body.put("department", byJsonName(report.department().values()));
        List<Map<String, Object>> targets = new ArrayList<>();
        report.targets().forEach(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("metric", t.metric().jsonName());
            row.put("target", t.target());
            row.put("actual", t.actual());
            row.put("achievedPercent", t.achievedPercent());
            targets.add(row);
        });
        body.put("targets", targets);
        return body;
    }

    private static Response csvResponse(Report report) {
        CsvSchema.Builder columns = CsvSchema.builder().addColumn("managerId");
        for (KpiMetric m : KpiMetric.values()) {
            columns.addColumn(m.jsonName());
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Figures f : report.managers()) {
            rows.add(row(f.managerId(), f));
        }
        rows.add(row("DEPARTMENT", report.department()));
        try {
            String csv = CSV_MAPPER.writer(columns.build().withHeader()).writeValueAsString(rows);
            return Response.ok(csv, CSV + "; charset=utf-8").header("Content-Disposition",
                    "attachment; filename=\"kpi-" + report.from() + "-" + report.to() + ".csv\"").build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("KPI rows are plain values", e);
        }
    }

    private static List<Object> row(String name, Figures f) {
        List<Object> row = new ArrayList<>();
        row.add(name);
        for (KpiMetric m : KpiMetric.values()) {
            row.add(f.values().get(m).toPlainString());
        }
        return row;
    }

    private static Map<String, BigDecimal> byJsonName(Map<KpiMetric, BigDecimal> values) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        values.forEach((m, v) -> out.put(m.jsonName(), v));
        return out;
    }

    private static LocalDate date(String text, String field) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "a date like 2026-11-01");
        }
    }

    private static YearMonth month(String text, String field) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "a month like 2026-11");
        }
    }
}
