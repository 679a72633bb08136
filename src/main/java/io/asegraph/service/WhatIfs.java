package io.asegraph.service;

import io.asegraph.analysis.FlowChange;
import io.asegraph.analysis.audit.AuditChanges;
import io.asegraph.estate.Estate;
import io.asegraph.graph.PastEstates;
import io.asegraph.graph.WhatIfPlanner;
import io.asegraph.net.Protocol;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * What if: a proposed document evaluated against the current snapshot without writing it. The estate after it is an
 * in-memory overlay of the snapshot ({@link WhatIfPlanner}); both estates are asked the same questions by the same
 * path engine and audit code ({@link Engines#build}). The snapshot side reuses the service's current engine (and the
 * audits it already computed); the overlay's engine lives only for the request, and is derived from the snapshot's
 * when the change touches NSGs only ({@link Engines#derive}: indexes, routing and the audit parts the NSGs do not
 * apply to are shared, the same answers as a full build).
 */
@ApplicationScoped
public class WhatIfs {
    private final Engines engines;
    private final WhatIfPlanner planner;
    private final PastEstates past;

    public WhatIfs(Engines engines, WhatIfPlanner planner, PastEstates past) {
        this.engines = engines;
        this.planner = planner;
        this.past = past;
    }

    /** One flow to compare. */
    public record Question(String from, String to, int port, Protocol protocol) {}

    /** The proposal, the flows compared, and the audit changes (empty when audits were not asked for). */
    public record Result(WhatIfPlanner.Proposal proposal, List<FlowChange> flows, Optional<AuditChanges> audits) {}

    /**
     * Evaluates {@code document}. An invalid document comes back with its problems and nothing evaluated.
     *
     * @throws WhatIfPlanner.NotEvaluable when the overlay cannot say the estate after it exactly
     */
    public Result evaluate(String document, List<Question> questions, boolean audits) {
        long t0 = System.nanoTime();
        Engines.Built before = engines.current();
        WhatIfPlanner.Proposal p = planner.propose(before.estate(), document);
        if (!p.valid()) {
            return new Result(p, List.of(), Optional.empty());
        }
        long t1 = System.nanoTime();
        Estate proposed = p.after().orElseThrow();
        Engines.Built after = Engines.derive(before, proposed);
        List<FlowChange> flows = compare(before, after, questions);
        long t2 = System.nanoTime();
        Optional<AuditChanges> changes =
                audits ? Optional.of(AuditChanges.of(before.audits(), after.audits())) : Optional.empty();
        Log.infof(
                "what-if on v%d: %d resources changed, planned and overlaid in %d ms, %d flows in %d ms, audits %s",
                before.estate().version(),
                p.changes().size(),
                (t1 - t0) / 1_000_000,
                flows.size(),
                (t2 - t1) / 1_000_000,
                audits ? "in " + (System.nanoTime() - t2) / 1_000_000 + " ms" : "not asked");
        return new Result(p, flows, changes);
    }

    /**
     * The flows asked of the estate at version {@code from} and at version {@code to} (estateDiff): each version not
     * the current snapshot's is rebuilt from it and the change log ({@link PastEstates}), and both are asked by the
     * same engine code.
     *
     * @throws PastEstates.NotRebuilt when a version cannot be rebuilt exactly
     */
    public List<FlowChange> between(long from, long to, List<Question> questions) {
        if (questions.isEmpty()) {
            return List.of();
        }
        long t0 = System.nanoTime();
        Engines.Built now = engines.current();
        Engines.Built before = at(now, from);
        Engines.Built after = to == from ? before : at(now, to);
        long t1 = System.nanoTime();
        List<FlowChange> flows = compare(before, after, questions);
        Log.infof(
                "estate diff v%d..v%d with flows: versions rebuilt from v%d in %d ms, %d flows in %d ms",
                from,
                to,
                now.estate().version(),
                (t1 - t0) / 1_000_000,
                flows.size(),
                (System.nanoTime() - t1) / 1_000_000);
        return flows;
    }

    private Engines.Built at(Engines.Built now, long version) {
        return version == now.estate().version() ? now : Engines.derive(now, past.at(now.estate(), version));
    }

    /** Each question asked of both estates by the same engine code. */
    private static List<FlowChange> compare(Engines.Built before, Engines.Built after, List<Question> questions) {
        return questions.stream()
                .map(q -> FlowChange.ask(
                        () -> before.flows().analyze(q.from(), q.to(), q.port(), q.protocol()),
                        () -> after.flows().analyze(q.from(), q.to(), q.port(), q.protocol())))
                .toList();
    }
}
