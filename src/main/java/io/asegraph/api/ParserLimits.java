package io.asegraph.api;

import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import io.asegraph.analysis.ErrorCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /**
     * The GraphQL documents of a request: POST JSON (one or a batch; {@code json} is its decoded body, or null),
     * POST application/graphql, GET ?query=.
     */
    static List<String> documents(RoutingContext rc, Object json) {
        List<String> out = new ArrayList<>();
        String param = rc.request().getParam("query");
        if (param != null) {
            out.add(param);
        }
        Buffer body = rc.body() == null ? null : rc.body().buffer();
        if (body == null || body.length() == 0) {
            return out;
        }
        if (isGraphqlBody(rc)) {
            out.add(body.toString());
            return out;
        }
        if (json instanceof JsonObject o) {
            addQuery(o, out);
        } else if (json instanceof JsonArray a) {
            for (Object each : a) {
                if (each instanceof JsonObject o) {
                    addQuery(o, out);
                }
            }
        }
        return out;
    }

    private static boolean isGraphqlBody(RoutingContext rc) {
        String type = rc.request().getHeader("Content-Type");
        return type != null && type.toLowerCase().startsWith("application/graphql");
    }

    private static void addQuery(JsonObject o, List<String> out) {
        if (o.getValue("query") instanceof String q) {
            out.add(q);
        }
    }

    /**
     * Documents that parsed, so that a document sent again (a client's same query, with other variables) is not parsed
     * a second time before SmallRye's own cache; bounded (count and length), documents past the bound are parsed every
     * time.
     */
    private final Map<String, Boolean> parsed = new ConcurrentHashMap<>();

    private static final int PARSED_MAX = 2_000;

    /** Longer documents are not remembered (at most 2,000 x 8,192 characters are held). */
    private static final int PARSED_MAX_CHARACTERS = 8_192;

    void check(RoutingContext rc) {
        Buffer body = rc.body() == null ? null : rc.body().buffer();
        Object json = null;
        if (body != null && body.length() > 0 && !isGraphqlBody(rc)) {
            try {
                json = body.toJson();
            } catch (DecodeException e) {
                json = null;
            }
            String malformed = json == null ? NOT_JSON : malformedRequest(json);
            if (malformed != null) {
                GraphqlBodyLimit.refuse(rc, 400, ErrorCode.INVALID_ARGUMENT, malformed);
                return;
            }
        }
        // Every document is parsed here once: a limit the parser would cancel at is named (SmallRye would answer
        // only "Unparseable input document"), and so is a syntax error (SmallRye's answer has no extensions.code).
        for (String document : documents(rc, json)) {
            if (parsed.containsKey(document)) {
                continue;
            }
            Refusal refusal = refusal(document, options);
            if (refusal != null) {
                GraphqlBodyLimit.refuse(rc, 200, refusal.code(), refusal.message());
                return;
            }
            if (parsed.size() < PARSED_MAX && document.length() <= PARSED_MAX_CHARACTERS) {
                parsed.put(document, Boolean.TRUE);
            }
        }
        rc.next();
    }

    /** Why a document is refused before SmallRye sees it: its code and message. */
    record Refusal(ErrorCode code, String message) {}

    private static final String NOT_JSON =
            "the request body is not JSON: a GraphQL request is {\"query\": \"...\", \"variables\": {...}}";

    /**
     * Why a POSTed JSON body is not a GraphQL request, or null: a JSON value other than an object (or a batch array),
     * a {@code query} that is not a string, {@code variables} that are not an object. SmallRye would answer these with
     * an error that has no code.
     */
    static String malformedRequest(Object json) {
        if (json instanceof JsonArray) {
            return null;
        }
        if (!(json instanceof JsonObject o)) {
            return "the request body is a JSON " + json.getClass().getSimpleName()
                    + ", not an object: a GraphQL request is {\"query\": \"...\", \"variables\": {...}}";
        }
        if (o.containsKey("query") && !(o.getValue("query") instanceof String)) {
            return "query must be a string holding the GraphQL document";
        }
        Object variables = o.getValue("variables");
        if (variables != null && !(variables instanceof JsonObject)) {
            return "variables must be an object of variable names and values";
        }
        return null;
    }

    /**
     * Why the parser cancels this document, naming the limit and its setting ({@code LIMIT_EXCEEDED}), or why it does
     * not parse ({@code INVALID_ARGUMENT}, with the parser's message); null when it parses.
     */
    static Refusal refusal(String document, ParserOptions options) {
        try {
            Parser.parse(ParserEnvironment.newParserEnvironment()
                    .document(document)
                    .parserOptions(options)
                    .build());
            return null;
        } catch (ParseCancelledTooManyCharsException e) {
            return new Refusal(
                    ErrorCode.LIMIT_EXCEEDED,
                    "the document is longer than " + options.getMaxCharacters()
                            + " characters, the GraphQL parser's limit; send large documents to POST /import");
        } catch (ParseCancelledTooDeepException e) {
            return new Refusal(
                    ErrorCode.LIMIT_EXCEEDED,
                    "the document nests more than " + options.getMaxRuleDepth()
                            + " grammar rules deep, the GraphQL parser's limit");
        } catch (ParseCancelledException e) {
            return new Refusal(
                    ErrorCode.LIMIT_EXCEEDED,
                    e.getMessage().contains("whitespace")
                            ? "the document has more than " + options.getMaxWhitespaceTokens()
                                    + " whitespace tokens (quarkus.smallrye-graphql.parser-max-whitespace-tokens)"
                            : "the document has more than " + options.getMaxTokens()
                                    + " tokens (asegraph.api.max-query-tokens): split it into smaller queries");
        } catch (InvalidSyntaxException e) {
            return new Refusal(ErrorCode.INVALID_ARGUMENT, "the GraphQL document does not parse: " + e.getMessage());
        }
    }
}
