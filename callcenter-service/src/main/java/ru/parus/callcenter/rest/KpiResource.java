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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
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
    // quotes only where needed: by default Jackson quotes every value over 24 characters (replenishmentRevenueKopecks)
    private static final CsvMapper CSV_MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final String JSON_EXAMPLE = """
            {"from":"2026-11-01","to":"2026-11-30",
            "managers":[{"managerId":"manager-1","inboundCalls":58,"outboundCalls":41,"talkSeconds":21540,
            "proactiveCalls":12,"proactiveReached":9,"proactiveAgreed":4,"ordersTaken":31,"revenueKopecks":18450000,
            "averageOrderKopecks":595161,"orderErrors":1,"upsellOffers":62,"upsellAccepted":17,
            "upsellAcceptanceRate":0.2742,"tasksDone":20,"tasksDoneOnTime":18,"tasksOnTimeRate":0.9000,
            "scriptRuns":27,"scriptQuality":0.9259,"scriptOffers":35,"justifiedComplaints":0,"replenishmentTasks":10,
            "replenishmentReached":7,"replenishmentConverted":5,"replenishmentRevenueKopecks":2450000,
            "windowCalls":8,"windowReached":6,"windowReachRate":0.7500,"outsideWindowCalls":4,"outsideWindowReached":1,
            "outsideWindowReachRate":0.2500}],
            "department":{"inboundCalls":240,"outboundCalls":170,"talkSeconds":88200,"proactiveCalls":50,
            "proactiveReached":37,"proactiveAgreed":16,"ordersTaken":128,"revenueKopecks":76160000,
            "averageOrderKopecks":595000,"orderErrors":3,"upsellOffers":250,"upsellAccepted":70,
            "upsellAcceptanceRate":0.2800,"tasksDone":80,"tasksDoneOnTime":70,"tasksOnTimeRate":0.8750,
            "scriptRuns":110,"scriptQuality":0.9112,"scriptOffers":140,"justifiedComplaints":2,"replenishmentTasks":42,
            "replenishmentReached":30,"replenishmentConverted":19,"replenishmentRevenueKopecks":9310000,
            "windowCalls":30,"windowReached":21,"windowReachRate":0.7000,"outsideWindowCalls":20,"outsideWindowReached":8,
            "outsideWindowReachRate":0.4000},
            "targets":[{"metric":"ordersTaken","target":300,"actual":128,"achievedPercent":42.7},
            {"metric":"upsellAcceptanceRate","target":0.25,"actual":0.2800,"achievedPercent":112.0}]}""";
    private static final String CSV_EXAMPLE = """
            managerId,inboundCalls,outboundCalls,talkSeconds,proactiveCalls,proactiveReached,proactiveAgreed,\
            ordersTaken,revenueKopecks,averageOrderKopecks,orderErrors,upsellOffers,upsellAccepted,\
            upsellAcceptanceRate,tasksDone,tasksDoneOnTime,tasksOnTimeRate,scriptRuns,scriptQuality,scriptOffers,\
            justifiedComplaints,replenishmentTasks,replenishmentReached,replenishmentConverted,replenishmentRevenueKopecks,\
            windowCalls,windowReached,windowReachRate,outsideWindowCalls,outsideWindowReached,outsideWindowReachRate
            manager-1,58,41,21540,12,9,4,31,18450000,595161,1,62,17,0.2742,20,18,0.9000,27,0.9259,35,0,10,7,5,2450000,8,6,0.7500,4,1,0.2500
            DEPARTMENT,240,170,88200,50,37,16,128,76160000,595000,3,250,70,0.2800,80,70,0.8750,110,0.9112,140,2,42,30,19,9310000,30,21,0.7000,20,8,0.4000
            """;
    private static final String TARGETS_EXAMPLE = "{\"ordersTaken\":300,\"upsellAcceptanceRate\":0.25}";

    /**
     * OpenAPI only: the figures of GET /kpi as frontends read them. The JSON itself is built from {@link KpiMetric} by
     * {@link KpiMetric#jsonName()}; KpiTest checks that this schema names exactly those metrics.
     */
    @Schema(name = "KpiFigures", description = "R23: the figures of a period, by metric: counts, kopecks and seconds "
            + "are whole numbers; rates are 0..1 with 4 decimals (0 when nothing was counted)")
    public static class KpiFigures {
        @Schema(required = true, example = "58", description = "R18: inbound calls taken (not missed)")
        public long inboundCalls;
        @Schema(required = true, example = "41", description = "R18: outbound calls made")
        public long outboundCalls;
        @Schema(required = true, example = "21540", description = "R18: talk time over both directions, seconds")
        public long talkSeconds;
        @Schema(required = true, example = "12", description = "proactive-call tasks (R13..R16) completed with an outcome")
        public long proactiveCalls;
        @Schema(required = true, example = "9", description = "... of which the customer was reached")
        public long proactiveReached;
        @Schema(required = true, example = "4", description = "... of which the customer agreed")
        public long proactiveAgreed;
        @Schema(required = true, example = "31", description = "orders placed with the manager's id")
        public long ordersTaken;
        @Schema(required = true, example = "18450000", description = "their total, kopecks")
        public long revenueKopecks;
        @Schema(required = true, example = "595161", description = "revenueKopecks / ordersTaken, kopecks")
        public long averageOrderKopecks;
        @Schema(required = true, example = "1", description = "orders cancelled for the manager's mistake in taking them")
        public long orderErrors;
        @Schema(required = true, example = "62", description = "R7: extra items offered")
        public long upsellOffers;
        @Schema(required = true, example = "17", description = "R7: ... and accepted")
        public long upsellAccepted;
        @Schema(required = true, example = "0.2742", description = "upsellAccepted / upsellOffers")
        public BigDecimal upsellAcceptanceRate;
        @Schema(required = true, example = "20", description = "tasks completed")
        public long tasksDone;
        @Schema(required = true, example = "18", description = "... by their due time")
        public long tasksDoneOnTime;
        @Schema(required = true, example = "0.9000", description = "tasksDoneOnTime / tasksDone")
        public BigDecimal tasksOnTimeRate;
        @Schema(required = true, example = "27", description = "R17: calls that followed a script")
        public long scriptRuns;
        @Schema(required = true, example = "0.9259", description = "R17: the mean script-quality score of the runs, 0..1")
        public BigDecimal scriptQuality;
        @Schema(required = true, example = "35", description = "R17: offers made by script")
        public long scriptOffers;
        @Schema(required = true, example = "0", description = "R20: complaints answered as justified")
        public long justifiedComplaints;
        @Schema(required = true, example = "10", description = "R25: replenishment-call tasks made (held by the manager)")
        public long replenishmentTasks;
        @Schema(required = true, example = "7", description = "R25: ... of which the customer was reached: a REACHED_* "
                + "outcome, or an answered call on the task or with the customer while it was open")
        public long replenishmentReached;
        @Schema(required = true, example = "5", description = "R25: ... of which the customer ordered the family "
                + "again (an order not cancelled) within parus.callcenter.kpi.replenishment-conversion-window (14 days)")
        public long replenishmentConverted;
        @Schema(required = true, example = "2450000", description = "R25: the total of those converting orders, kopecks "
                + "(each order once)")
        public long replenishmentRevenueKopecks;
        @Schema(required = true, example = "8", description = "issue 17: calls made for a task inside its suggested window "
                + "(as it was when the call began)")
        public long windowCalls;
        @Schema(required = true, example = "6", description = "... of which the customer was reached")
        public long windowReached;
        @Schema(required = true, example = "0.7500", description = "windowReached / windowCalls")
        public BigDecimal windowReachRate;
        @Schema(required = true, example = "4", description = "issue 17: calls made for a task that had a suggested "
                + "window, outside it")
        public long outsideWindowCalls;
        @Schema(required = true, example = "1", description = "... of which the customer was reached")
        public long outsideWindowReached;
        @Schema(required = true, example = "0.2500", description = "outsideWindowReached / outsideWindowCalls")
        public BigDecimal outsideWindowReachRate;
    }

    /** OpenAPI only: a manager's row of GET /kpi. */
    @Schema(name = "KpiManagerFigures", description = "R23: one manager's figures for the period")
    public static class KpiManagerFigures extends KpiFigures {
        @Schema(required = true, example = "manager-1", description = "the manager's staff id")
        public String managerId;
    }

    /** OpenAPI only: a department target against the department's actual figure. */
    @Schema(name = "KpiTargetVsActual", description = "R23: the head's target for a metric against the department's actual")
    public record KpiTargetVsActual(
            @Schema(required = true, example = "ordersTaken", description = "a KpiFigures property") String metric,
            @Schema(required = true, example = "300") BigDecimal target,
            @Schema(required = true, example = "128") BigDecimal actual,
            @Schema(example = "42.7", description = "actual / target in percent, 1 decimal; null for a target of 0")
            BigDecimal achievedPercent) {
    }

    /** OpenAPI only: the JSON of GET /kpi. */
    @Schema(name = "KpiReport", description = "R23: managers' KPIs for a period")
    public record KpiReport(@Schema(required = true, example = "2026-11-01", description = "the first day") LocalDate from,
            @Schema(required = true, example = "2026-11-30", description = "the last day, included") LocalDate to,
            @Schema(required = true, description = "one row per manager (a manager sees only their own), by id")
            List<KpiManagerFigures> managers,
            @Schema(required = true, description = "the whole department") KpiFigures department,
            @Schema(required = true, description = "filled when the period is one calendar month with targets set")
            List<KpiTargetVsActual> targets) {
    }

    @Inject
    Kpis kpis;
    @Inject
    CurrentStaff staff;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Managers' KPIs for a period (R23)", description = "Computed from what was registered: "
            + "completed proactive-call tasks and their outcomes, orders taken and their value, orders cancelled for "
            + "the manager's mistake, upsell offers and answers, tasks done on time, replenishment calls and the orders "
            + "they converted (R25). A period is `month` (YYYY-MM) "
            + "or `from`..`to` (days, both included, the department's time zone); none = this month. The head, the "
            + "director and admins see every manager; a manager sees their own row and the department's. `targets` "
            + "(the head's, against the department's actuals) is filled when the period is one calendar month. "
            + "Send `Accept: text/csv` (or `format=csv`) for a spreadsheet.")
    @APIResponse(responseCode = "200", description = "The report: JSON, or CSV for Accept: text/csv or format=csv",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KpiReport.class),
                            examples = @ExampleObject(name = "month", value = JSON_EXAMPLE)),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, description = "a header row, one "
                            + "row per manager, then DEPARTMENT; the columns managerId and KpiFigures' properties"),
                            examples = @ExampleObject(name = "month", value = CSV_EXAMPLE)) })
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
    // OpenAPI: the same operation as report(), which documents both media types (JSON first, so that generated
    // clients ask for and read JSON)
    @Operation(hidden = true)
    public Response reportCsv(@QueryParam("month") String month, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return csvResponse(build(month, from, to));
    }

    @GET
    @Path("/targets/{month}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The department's targets for a month (R23)")
    @APIResponse(responseCode = "200", description = "The targets by metric name (KpiFigures' properties); a metric "
            + "without a target is left out", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, additionalProperties = BigDecimal.class),
                    examples = @ExampleObject(name = "targets", value = TARGETS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The month is not like 2026-11 (problem+json)")
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
    @APIResponse(responseCode = "200", description = "The targets now in force, by metric name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.OBJECT, additionalProperties = BigDecimal.class),
                    examples = @ExampleObject(name = "targets", value = TARGETS_EXAMPLE)))
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
