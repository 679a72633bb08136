package io.asegraph.api;

import io.asegraph.analysis.ErrorCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The {@code /graphql} body limit, separate from {@code quarkus.http.limits.max-body-size} (1 GB, for
 * {@code POST /import}): a request whose {@code Content-Length} is over {@code asegraph.api.graphql-max-body-mb} gets
 * HTTP 413 with a GraphQL error {@code extensions.code} LIMIT_EXCEEDED naming the setting and its value, before its
 * body is read. (A chunked request without a length is bounded by the HTTP limit only.)
 */
@ApplicationScoped
public class GraphqlBodyLimit {
    private final long maxBytes;
    private final int maxMb;

    public GraphqlBodyLimit(ApiConfig config) {
        this.maxMb = config.graphqlMaxBodyMb();
        this.maxBytes = (long) maxMb << 20;
    }

    void install(@Observes Router router) {
        router.route("/graphql").order(Integer.MIN_VALUE).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            long bytes;
            try {
                bytes = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                bytes = -1;
            }
            if (bytes <= maxBytes) {
                rc.next();
                return;
            }
            JsonObject error = new JsonObject()
                    .put(
                            "message",
                            "the request body (" + bytes + " bytes) is over the /graphql limit of " + maxMb
                                    + " MB (asegraph.api.graphql-max-body-mb); send large documents to POST /import")
                    .put("extensions", new JsonObject().put("code", ErrorCode.LIMIT_EXCEEDED.wire()));
            rc.response()
                    .setStatusCode(413)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Connection", "close")
                    .end(new JsonObject()
                            .put("errors", new JsonArray().add(error))
                            .encode());
        });
    }
}
