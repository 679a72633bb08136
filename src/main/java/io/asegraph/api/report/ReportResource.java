package io.asegraph.api.report;

import io.asegraph.analysis.ErrorCode;
import io.asegraph.api.ApiException;
import io.asegraph.api.Errors;
import io.asegraph.api.InvalidArgumentException;
import io.asegraph.api.UnknownReferenceException;
import io.asegraph.api.audit.AuditQueries;
import io.asegraph.api.audit.EnvironmentHealthResult;
import io.asegraph.api.audit.ExposureResult;
import io.asegraph.api.audit.ReachabilityRow;
import io.asegraph.api.audit.ShadowedRuleResult;
import io.asegraph.api.path.EffectiveSecurityRule;
import io.asegraph.api.path.PathQueries;
import io.asegraph.api.path.Protocol;
import io.asegraph.api.security.Roles;
import io.asegraph.net.Port;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The audits as CSV files for dashboards and spreadsheets: {@code GET /reports/<name>.csv}, the same rows the GraphQL
 * audits answer — produced by calling the very resolvers ({@link AuditQueries}, {@link PathQueries}), held-back
 * UNDETERMINED rows included — one column per scalar field of the row type ({@link CsvTable}). Role reader, like every
 * query. Errors are JSON {@code {code, message}} naming the parameter: an unknown report 404, a bad parameter 400
 * INVALID_ARGUMENT, an unknown reference 404 UNKNOWN_REFERENCE.
 */
@Path("/reports")
@RolesAllowed({Roles.READER, Roles.WRITER})
public class ReportResource {
    static final MediaType CSV = new MediaType("text", "csv", "utf-8");

    static final CsvTable<EnvironmentHealthResult> HEALTH = CsvTable.of(
            EnvironmentHealthResult.class,
            new CsvTable.Column<>(
                    "checks",
                    h -> CsvTable.cell(h.checks().stream()
                            .map(c -> c.name() + ": " + c.status().name())
                            .toList())));
    static final CsvTable<ExposureResult> EXPOSURES = CsvTable.of(ExposureResult.class);
    static final CsvTable<ShadowedRuleResult> SHADOWED = CsvTable.of(ShadowedRuleResult.class);
    static final CsvTable<ReachabilityRow> REACH = CsvTable.of(ReachabilityRow.class);
    static final CsvTable<EffectiveSecurityRule> EFFECTIVE = CsvTable.of(EffectiveSecurityRule.class);

    /** The reports by name, in the order the 404 lists them. */
    static final List<String> NAMES =
            List.of("environments-health", "exposures", "shadowed-rules", "who-can-reach", "effective-security-rules");

    private final AuditQueries audits;
    private final PathQueries paths;

    public ReportResource(AuditQueries audits, PathQueries paths) {
        this.audits = audits;
        this.paths = paths;
    }

    /** The body of an error answer. */
    public record Failure(String code, String message) {}

    @GET
    @Path("/{file}")
    public Response report(@PathParam("file") String file, @Context UriInfo uri) {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        String name = file.endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
        try {
            String csv =
                    switch (file.endsWith(".csv") ? name : "") {
                        case "environments-health" -> HEALTH.write(audits.environmentsHealth(null));
                        case "exposures" -> EXPOSURES.write(audits.exposures(ports(q), protocol(q)));
                        case "shadowed-rules" -> SHADOWED.write(audits.shadowedRules(null, false));
                        case "who-can-reach" -> {
                            Integer port = port(q);
                            Protocol protocol = protocol(q);
                            String to = required(q, "to");
                            yield REACH.write(naming("to", () -> audits.whoCanReach(to, port, protocol, null)));
                        }
                        case "effective-security-rules" -> {
                            String target = required(q, "target");
                            yield EFFECTIVE.write(naming("target", () -> paths.effectiveSecurityRules(target)));
                        }
                        default -> throw new UnknownReferenceException("no report at /reports/" + file
                                + "; the reports are "
                                + String.join(
                                        ", ",
                                        NAMES.stream()
                                                .map(n -> "/reports/" + n + ".csv")
                                                .toList()));
                    };
            return Response.ok(csv, CSV)
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                    .build();
        } catch (ApiException e) {
            return Response.status(status(e.code()))
                    .type(MediaType.APPLICATION_JSON)
                    .entity(new Failure(e.code().wire(), e.getMessage()))
                    .build();
        }
    }

    private static int status(ErrorCode code) {
        return switch (code) {
            case UNKNOWN_REFERENCE -> 404;
            case FORBIDDEN -> 403;
            default -> 400;
        };
    }

    /** Runs {@code report}, naming {@code parameter} in any error it gives (it is the only reference asked). */
    private static <T> T naming(String parameter, Supplier<T> report) {
        try {
            return report.get();
        } catch (ApiException e) {
            throw Errors.translate(e.code(), parameter + ": " + e.getMessage());
        }
    }

    private static String required(MultivaluedMap<String, String> q, String name) {
        String v = q.getFirst(name);
        if (v == null || v.isBlank()) {
            throw new InvalidArgumentException(name + " is required");
        }
        return v;
    }

    private static Integer port(MultivaluedMap<String, String> q) {
        return portNumber("port", required(q, "port"));
    }

    private static Integer portNumber(String parameter, String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (Port.isPort(port)) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidArgumentException(
                parameter + " '" + text + "' is not a port (" + Port.MIN + "-" + Port.MAX + ")");
    }

    /** {@code ports=22,3389} (or repeated); null when absent: the audit's default ports. */
    private static List<Integer> ports(MultivaluedMap<String, String> q) {
        List<String> given = q.get("ports");
        if (given == null) {
            return null;
        }
        List<Integer> ports = new ArrayList<>();
        for (String value : given) {
            for (String p : value.split(",", -1)) {
                ports.add(portNumber("ports", p));
            }
        }
        return ports;
    }

    /** {@code protocol=TCP} (any case); TCP when absent. */
    private static Protocol protocol(MultivaluedMap<String, String> q) {
        String p = q.getFirst("protocol");
        if (p == null) {
            return Protocol.TCP;
        }
        try {
            return Protocol.valueOf(p.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("protocol '" + p + "' is not one of "
                    + String.join(
                            ", ",
                            Arrays.stream(Protocol.values()).map(Enum::name).toList()));
        }
    }
}
