package io.asegraph.service;

import io.asegraph.graph.ImportOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Imports as Prometheus figures: {@code asegraph_import_seconds} (a timer: count and total time per endpoint and
 * outcome) and {@code asegraph_import_records_total} (resources created, updated, unchanged and removed by the imports
 * that wrote).
 */
@ApplicationScoped
public class ImportMetrics {
    private final MeterRegistry registry;

    public ImportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Runs {@code imported} and records it. The outcome is {@code written}, {@code unchanged}, {@code dry-run},
     * {@code refused} (the document had problems) or {@code failed} (an exception: too large, store down).
     */
    public ImportOutcome record(String endpoint, Supplier<ImportOutcome> imported) {
        long t0 = System.nanoTime();
        String outcome = "failed";
        try {
            ImportOutcome o = imported.get();
            outcome = !o.valid() ? "refused" : o.dryRun() ? "dry-run" : o.changes() ? "written" : "unchanged";
            if (!o.dryRun() && o.valid()) {
                count("created", o.created());
                count("updated", o.updated());
                count("unchanged", o.unchanged());
                count("removed", o.removed());
            }
            return o;
        } finally {
            Timer.builder("asegraph.import")
                    .description("Imports through POST /import and importResources, by endpoint and outcome")
                    .tag("endpoint", endpoint)
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        }
    }

    private void count(String change, int n) {
        registry.counter("asegraph.import.records", "change", change).increment(n);
    }
}
