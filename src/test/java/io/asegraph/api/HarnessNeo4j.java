package io.asegraph.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/** A separate Neo4j (neo4j-harness, in-process) the service reaches by bolt URI, as it would an external server. */
public class HarnessNeo4j implements QuarkusTestResourceLifecycleManager {
    private Neo4j neo4j;

    @Override
    public Map<String, String> start() {
        neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer().build();
        return Map.of("asegraph.store.uri", neo4j.boltURI().toString(), "asegraph.store.password", "unused");
    }

    @Override
    public void stop() {
        if (neo4j != null) {
            neo4j.close();
        }
    }
}
