package io.asegraph.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.smallrye.graphql.execution.QueryCache;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The instrumentation chain {@link QueryLimits} puts in place of SmallRye's, on a graphql-java builder set up as
 * SmallRye's execution service sets it up (its query cache as the parsed-document provider and in the chain).
 */
class QueryLimitsChainTest {
    private static final String QUERY = "{ a { b { c } } }";

    private static GraphQLSchema schema() {
        return new SchemaGenerator()
                .makeExecutableSchema(
                        new SchemaParser().parse("type Query { a: A } type A { b: B } type B { c: Int }"),
                        RuntimeWiring.newRuntimeWiring().build());
    }

    /** How many times SmallRye's cache had to parse {@link #QUERY} when asked for it after {@code runs} executions. */
    private static int parsesAfter(GraphQL graphQL, QueryCache smallRye, int runs) {
        for (int i = 0; i < runs; i++) {
            ExecutionResult r = graphQL.execute(QUERY);
            assertTrue(r.getErrors().isEmpty(), r.getErrors().toString());
        }
        AtomicInteger parses = new AtomicInteger();
        smallRye.getDocumentAsync(ExecutionInput.newExecutionInput(QUERY).build(), ei -> {
                    parses.incrementAndGet();
                    return new PreparsedDocumentEntry(graphql.parser.Parser.parse(QUERY));
                })
                .join();
        return parses.get();
    }

    @Test
    void smallRyesQueryCacheStaysTheParsedDocumentProviderAndIsFilledByExecutions() {
        QueryCache smallRye = new QueryCache();
        GraphQL.Builder builder = GraphQL.newGraphQL(schema())
                .preparsedDocumentProvider(smallRye)
                .instrumentation(new ChainedInstrumentation(List.of(smallRye)));
        QueryLimits.chain(builder, true, 15, 500, SimplePerformantInstrumentation.INSTANCE);
        assertSame(smallRye, QueryLimits.builderField(builder, "preparsedDocumentProvider"));
        // SmallRye's execution service asks its own cache for each request's document: after one execution it must
        // be there, or every request is parsed twice.
        assertEquals(0, parsesAfter(builder.build(), smallRye, 1));
    }

    @Test
    void withTheLimitsOffSmallRyesOwnChainIsKeptWhole() {
        QueryCache smallRye = new QueryCache();
        MaxQueryDepthInstrumentation smallRyeDepth = new MaxQueryDepthInstrumentation(2);
        GraphQL.Builder builder = GraphQL.newGraphQL(schema())
                .preparsedDocumentProvider(smallRye)
                .instrumentation(new ChainedInstrumentation(List.of(smallRyeDepth, smallRye)));
        QueryLimits.chain(builder, false, 15, 500, SimplePerformantInstrumentation.INSTANCE);
        GraphQL graphQL = builder.build();
        // SmallRye's depth limit (quarkus.smallrye-graphql.instrumentation-query-depth) applies again: 3 > 2.
        ExecutionResult refused = graphQL.execute(QUERY);
        assertFalse(refused.getErrors().isEmpty(), "SmallRye's depth limit of 2 refuses a document 3 deep");
        assertTrue(
                refused.getErrors().get(0).getMessage().contains("depth"),
                refused.getErrors().toString());
        Instrumentation chain = (Instrumentation) QueryLimits.builderField(builder, "instrumentation");
        assertTrue(chain instanceof ChainedInstrumentation);
    }

    @Test
    void ourLimitsReplaceSmallRyesAndRefuseWithTheirCode() {
        QueryCache smallRye = new QueryCache();
        GraphQL.Builder builder = GraphQL.newGraphQL(schema())
                .preparsedDocumentProvider(smallRye)
                .instrumentation(new ChainedInstrumentation(List.of(new MaxQueryDepthInstrumentation(1), smallRye)));
        QueryLimits.chain(builder, true, 2, 500, SimplePerformantInstrumentation.INSTANCE);
        ExecutionResult refused = builder.build().execute(QUERY);
        assertEquals(1, refused.getErrors().size(), refused.getErrors().toString());
        assertTrue(refused.getErrors().get(0).getMessage().contains("asegraph.api.max-query-depth"));
        assertEquals(
                "LIMIT_EXCEEDED", refused.getErrors().get(0).getExtensions().get("code"));
    }
}
