package io.asegraph.api;

import io.asegraph.analysis.ErrorCode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The {@code /graphql} request limits that act before SmallRye GraphQL sees a request:
 * <ul>
 *   <li>the body limit, separate from {@code quarkus.http.limits.max-body-size} (1 GB, for {@code POST /import}): a
 *       request whose {@code Content-Length} is over {@code asegraph.api.graphql-max-body-mb} gets HTTP 413 with a
 *       GraphQL error {@code extensions.code} LIMIT_EXCEEDED naming the setting and its value, before its body is
 *       read; a chunked request (no length) is read up to the same limit and refused the same way once over it;</li>
 *   <li>the parser's limits ({@link ParserLimits}): a document the parser would cancel is refused with the same code,
 *       naming the limit, where SmallRye would answer only "Unparseable input document".</li>
 * </ul>
 * The body is read here, after authentication, by Vert.x's body handler with our limit, so Quarkus's own body handler
 * on the GraphQL route (which sees it already read) passes it on unchanged.
 */
@ApplicationScoped
public class GraphqlBodyLimit {
    /**
     * After Quarkus's authentication (route order -200) and authorization (-100) and before the GraphQL route (10000):
     * an anonymous caller is refused before any body is read or parsed.
     */
    public static final int AFTER_AUTHORIZATION = -50;

    private final long maxBytes;
    private final int maxMb;
    private final ParserLimits parser;

    public GraphqlBodyLimit(ApiConfig config, ParserLimits parser) {
        this.maxMb = config.graphqlMaxBodyMb();
        this.maxBytes = (long) maxMb << 20;
        this.parser = parser;
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
            tooLarge(rc, "the request body (" + bytes + " bytes)");
        });
        router.route("/graphql")
                .order(AFTER_AUTHORIZATION)
                .handler(BodyHandler.create(false).setBodyLimit(maxBytes))
                .handler(parser::check)
                .failureHandler(rc -> {
                    if (rc.statusCode() == 413) {
                        tooLarge(rc, "the request body (sent without a length)");
                    } else {
                        rc.next();
                    }
                });
    }

    private void tooLarge(RoutingContext rc, String what) {
        refuse(
                rc,
                413,
                what + " is over the /graphql limit of " + maxMb
                        + " MB (asegraph.api.graphql-max-body-mb); send large documents to POST /import");
    }

    /** Answers a GraphQL error with {@code extensions.code} LIMIT_EXCEEDED, closing the connection on a 413. */
    static void refuse(RoutingContext rc, int status, String message) {
        refuse(rc, status, ErrorCode.LIMIT_EXCEEDED, message);
    }

    /** Answers a GraphQL error with {@code extensions.code} {@code code}, closing the connection on a 413. */
    static void refuse(RoutingContext rc, int status, ErrorCode code, String message) {
        JsonObject error =
                new JsonObject().put("message", message).put("extensions", new JsonObject().put("code", code.wire()));
        var response = rc.response().setStatusCode(status).putHeader("Content-Type", "application/json");
        if (status == 413) {
            response.putHeader("Connection", "close");
        }
        response.end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }
}
