package io.asegraph.api;

import io.asegraph.api.path.ImportResult;
import io.asegraph.api.security.Attributions;
import io.asegraph.api.security.Roles;
import io.asegraph.graph.GraphImporter;
import io.asegraph.graph.ImportOutcome;
import io.asegraph.graph.TransactionTooLargeException;
import io.asegraph.importing.ImportProblem;
import io.asegraph.service.ImportMetrics;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code importResources} over plain HTTP, for files too big to paste into a GraphQL variable:
 * {@code curl --data-binary @export.json localhost:8080/import} (any Content-Type, or none; the body is read as
 * UTF-8 JSON), {@code ?dryRun=true} to validate only. The same code path and answers as the mutation: 200 with
 * {@code {created, updated, unchanged, warnings, removed, dryRun}}; 400 with
 * {@code {code: "INVALID_DOCUMENT", message, problems: [{location, value, message, line, column}]}} when the document
 * has problems (nothing written); 400 with {@code code: "INVALID_ARGUMENT"} for a dryRun that is not true or false.
 * {@code ?dryRun=true&diff=true} adds {@code changes}: what the import would change, resource by resource.
 * The body limit is {@code quarkus.http.limits.max-body-size}. Only a {@code writer} may import: no or wrong credentials
 * get 401 (with {@code WWW-Authenticate}), a caller without the role 403 with {@code code: "FORBIDDEN"}; nothing is
 * read or written then.
 */
@Path("/import")
@RolesAllowed(Roles.WRITER)
public class ImportResource {
    private final GraphImporter importer;
    private final SecurityIdentity identity;
    private final ImportMetrics metrics;

    public ImportResource(GraphImporter importer, SecurityIdentity identity, ImportMetrics metrics) {
        this.importer = importer;
        this.identity = identity;
        this.metrics = metrics;
    }

    /** One problem as the HTTP answer lists it (line and column null when unknown). */
    public record Problem(String location, String value, String message, Integer line, Integer column) {
        static Problem of(ImportProblem p) {
            return new Problem(
                    p.location(),
                    p.value(),
                    p.message(),
                    p.position().map(ImportProblem.Position::line).orElse(null),
                    p.position().map(ImportProblem.Position::column).orElse(null));
        }
    }

    /** The body of a 400 or 413 answer. */
    public record Failure(String code, String message, List<Problem> problems) {
        static Failure of(ApiException e, List<Problem> problems) {
            return new Failure(e.code().wire(), e.getMessage(), problems);
        }
    }

    /** 403 with {@code {code: "FORBIDDEN", message}} for a caller without the role writer. */
    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.APPLICATION_JSON)
                .entity(Failure.of(
                        new ForbiddenException("POST /import needs the role " + Roles.WRITER + "; nothing was written"),
                        List.of()))
                .build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response importDocument(
            @QueryParam("dryRun") String dryRun, @QueryParam("diff") @DefaultValue("false") boolean diff, byte[] body) {
        boolean dry;
        if (dryRun == null || dryRun.isBlank() || dryRun.equalsIgnoreCase("false")) {
            dry = false;
        } else if (dryRun.equalsIgnoreCase("true")) {
            dry = true;
        } else {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Failure.of(
                            new InvalidArgumentException("dryRun must be true or false, got '" + dryRun + "'"),
                            List.of()))
                    .build();
        }
        if (diff && !dry) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Failure.of(
                            new InvalidArgumentException("diff=true needs dryRun=true (nothing was written)"),
                            List.of()))
                    .build();
        }
        // Held only by the holder, which the importer empties after parsing: a 135 MB body is not kept through the
        // write.
        ImportOutcome outcome;
        try {
            AtomicReference<byte[]> document = new AtomicReference<>(body == null ? new byte[0] : body);
            // A dry run writes nothing, so it records no change and needs no hash of a body that may be 135 MB.
            Optional<String> sha256 = dry ? Optional.empty() : Optional.of(Attributions.sha256(document.get()));
            outcome = Attributions.as(
                    identity,
                    "POST /import",
                    sha256,
                    () -> metrics.record("POST /import", () -> importer.importDocument(document, dry)));
        } catch (TransactionTooLargeException e) {
            return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
                    .entity(Failure.of(TooLargeException.of(e), List.of()))
                    .build();
        }
        if (!outcome.valid()) {
            InvalidDocumentException e = ImportApi.invalid("the document cannot be imported", outcome.problems());
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Failure.of(e, e.problems().stream().map(Problem::of).toList()))
                    .build();
        }
        ImportResult r = ImportApi.result(outcome);
        return Response.ok(diff ? r : ImportApi.withoutChanges(r)).build();
    }
}
