package io.asegraph.api;

import io.asegraph.api.security.Roles;
import io.asegraph.graph.EstateExport;
import io.quarkus.logging.Log;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/**
 * The backup: {@code GET /export} streams the whole estate as one az-style document that {@code POST /import} takes
 * back ({@link io.asegraph.importing.AzExport}: a JSON array of every resource, held-back ones included, then one
 * Service Tags file object with the tags). Imported into an empty store it reproduces the estate exactly (README
 * "Backup and restore"). Read in one read transaction and written as it is read: the document is never held in
 * memory. Only a {@code writer} may export (the document is everything a restore needs): no or wrong credentials get
 * 401, a caller without the role 403 with {@code code: "FORBIDDEN"}; a store that cannot be reached 503
 * {@code STORE_UNAVAILABLE} with {@code Retry-After}. Should the store fail after the answer has begun, the document
 * ends unfinished (malformed JSON), which no import accepts.
 */
@Path("/export")
@RolesAllowed(Roles.WRITER)
public class ExportResource {
    private final EstateExport export;

    public ExportResource(EstateExport export) {
        this.export = export;
    }

    /** 403 with {@code {code: "FORBIDDEN", message}} for a caller without the role writer. */
    @org.jboss.resteasy.reactive.server.ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.APPLICATION_JSON)
                .entity(ImportResource.Failure.of(
                        new ForbiddenException("GET /export needs the role " + Roles.WRITER + "; nothing was read"),
                        List.of()))
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response export() {
        long version = export.version(); // a store that is not there answers 503 before anything is sent
        StreamingOutput body = out -> {
            try {
                EstateExport.Written w = export.write(out);
                Log.infof(
                        "GET /export: %d resources and %d service tags at store version %d",
                        w.resources(), w.serviceTags(), w.version());
            } catch (RuntimeException e) {
                Log.errorf(e, "GET /export failed after the answer had begun; the document sent is unfinished");
                throw e;
            }
        };
        return Response.ok(body)
                .header("Content-Disposition", "attachment; filename=\"asegraph-export-v" + version + ".json\"")
                .build();
    }
}
