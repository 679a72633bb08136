package io.asegraph.api;

import io.asegraph.graph.ShutdownInterruptedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The answer of every HTTP resource ({@code POST /import}, the reports) when the store fails under it: 503 with
 * {@code Retry-After} and {@code {code: "STORE_UNAVAILABLE", message, problems: []}} when the store cannot be reached,
 * 503 with {@code code: "SHUTTING_DOWN"} when the service stopped before it could finish a write (rolled back).
 * Nothing was written either way; never a 500 with an opaque error id.
 */
public class StoreFailureMapper {
    /** Seconds a client is asked to wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response unavailable(io.asegraph.graph.StoreUnavailableException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .type(MediaType.APPLICATION_JSON)
                .entity(ImportResource.Failure.of(new StoreUnavailableException(e.getMessage()), List.of()))
                .build();
    }

    @ServerExceptionMapper
    public Response shuttingDown(ShutdownInterruptedException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .type(MediaType.APPLICATION_JSON)
                .entity(ImportResource.Failure.of(new ShuttingDownException(e.getMessage()), List.of()))
                .build();
    }
}
