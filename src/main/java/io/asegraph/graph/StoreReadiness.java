package io.asegraph.graph;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when a query runs on the store. */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {
    private final GraphStore store;

    public StoreReadiness(GraphStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            long ms = store.ping().toMillis();
            return HealthCheckResponse.named("graph-store")
                    .up()
                    .withData("store", String.valueOf(store.description()))
                    .withData("queryMillis", ms)
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("graph-store")
                    .down()
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
