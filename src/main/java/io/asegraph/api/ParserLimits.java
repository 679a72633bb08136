package io.asegraph.api;

import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The parser's limits with a coded refusal. SmallRye GraphQL parses a document before graphql-java runs it and answers
 * "Unparseable input document", with no code and no reason, for every document it cannot parse, including one the
 * parser cancels at its token limit ({@code asegraph.api.max-query-tokens}). This parses the document
 * first, with the same options SmallRye gives the parser, when it could be over a limit (its text is longer than the
 * token limit: every token is at least one character), and answers a cancelled parse with {@code extensions.code}
 * LIMIT_EXCEEDED naming the limit and its setting. Any other document, a malformed one included, goes on to SmallRye
 * unchanged. It runs after authentication, so an anonymous caller cannot make the service parse.
 */
@ApplicationScoped
public class ParserLimits {
    private final ParserOptions options;

    /**
     * Puts the token limit in force for operations. SmallRye's {@code quarkus.smallrye-graphql.parser-max-tokens} sets
     * graphql-java's default parser options, but graphql-java parses operations with its default <em>operation</em>
     * options, so that setting never reaches a query (its 15,000 only happened to be graphql-java's own default).
     */
    public ParserLimits(ApiConfig config) {
        this.options =
                ParserOptions.getDefaultOperationParserOptions().transform(b -> b.maxTokens(config.maxQueryTokens()));
        ParserOptions.setDefaultOperationParserOptions(options);
    }

    /** The GraphQL documents of a request: POST JSON (one or a batch), POST application/graphql, GET ?query=. */
    static List<String> documents(RoutingContext rc) {
        List<String> out = new ArrayList<>();
        String param = rc.request().getParam("query");
        if (param != null) {
            out.add(param);
        }
        Buffer body = rc.body() == null ? null : rc.body().buffer();
        if (body == null || body.length() == 0) {
            return out;
        }
        String type = rc.request().getHeader("Content-Type");
        if (type != null && type.toLowerCase().startsWith("application/graphql")) {
            out.add(body.toString());
            return out;
        }
        try {
            Object json = body.toJson();
            if (json instanceof JsonObject o) {
                addQuery(o, out);
            } else if (json instanceof JsonArray a) {
                for (Object each : a) {
                    if (each instanceof JsonObject o) {
                        addQuery(o, out);
                    }
                }
            }
        } catch (DecodeException e) {
            // Not JSON: SmallRye answers it.
        }
        return out;
    }

    private static void addQuery(JsonObject o, List<String> out) {
        if (o.getValue("query") instanceof String q) {
            out.add(q);
        }
    }

    void check(RoutingContext rc) {
        long threshold = Math.min(options.getMaxTokens(), options.getMaxCharacters());
        Buffer body = rc.body() == null ? null : rc.body().buffer();
        String param = rc.request().getParam("query");
        // A document's bytes are at least its characters, and those at least its tokens.
        boolean couldExceed =
                (body != null && body.length() > threshold) || (param != null && param.length() > threshold);
        if (couldExceed) {
            for (String document : documents(rc)) {
                String refusal = refusal(document, options);
                if (refusal != null) {
                    GraphqlBodyLimit.refuse(rc, 200, refusal);
                    return;
                }
            }
        }
        rc.next();
    }

    /** Why the parser cancels this document, naming the limit and its setting; null when it does not. */
    static String refusal(String document, ParserOptions options) {
        try {
            Parser.parse(ParserEnvironment.newParserEnvironment()
                    .document(document)
                    .parserOptions(options)
                    .build());
            return null;
        } catch (ParseCancelledTooManyCharsException e) {
            return "the document is longer than " + options.getMaxCharacters()
                    + " characters, the GraphQL parser's limit; send large documents to POST /import";
        } catch (ParseCancelledTooDeepException e) {
            return "the document nests more than " + options.getMaxRuleDepth()
                    + " grammar rules deep, the GraphQL parser's limit";
        } catch (ParseCancelledException e) {
            return e.getMessage().contains("whitespace")
                    ? "the document has more than " + options.getMaxWhitespaceTokens()
                            + " whitespace tokens (quarkus.smallrye-graphql.parser-max-whitespace-tokens)"
                    : "the document has more than " + options.getMaxTokens()
                            + " tokens (asegraph.api.max-query-tokens): split it into smaller queries";
        } catch (InvalidSyntaxException e) {
            return null;
        }
    }
}
