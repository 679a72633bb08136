package io.asegraph.api.whatif;

import io.asegraph.analysis.FlowChange;
import io.asegraph.analysis.audit.AuditChanges;
import io.asegraph.api.Errors;
import io.asegraph.api.ImportApi;
import io.asegraph.api.InvalidArgumentException;
import io.asegraph.api.UndeterminedException;
import io.asegraph.api.audit.AuditQueries;
import io.asegraph.api.audit.CheckStatus;
import io.asegraph.api.history.ResourceChangeView;
import io.asegraph.api.path.PathMapping;
import io.asegraph.api.path.PathQueries;
import io.asegraph.api.path.Protocol;
import io.asegraph.api.path.SourceKind;
import io.asegraph.api.path.Verdict;
import io.asegraph.api.security.CodedRefusals;
import io.asegraph.api.security.Roles;
import io.asegraph.graph.WhatIfPlanner;
import io.asegraph.service.WhatIfs;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * {@code whatIf}: a proposed document evaluated without writing it ({@link WhatIfs}). A query, open to readers as
 * well as writers: it writes nothing and answers only what a reader can already ask of the estate, for an estate
 * the caller describes.
 */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class WhatIfQueries {
    private final WhatIfs whatIfs;

    public WhatIfQueries(WhatIfs whatIfs) {
        this.whatIfs = whatIfs;
    }

    @Query("whatIf")
    @Description("Evaluate a proposed change without making it: an import document (as importResources takes it) or"
            + " {\"edits\": [...]} in the shape of the single-resource mutations (putSecurityRule, removeSecurityRule,"
            + " putRoute, removeRoute, deleteResource, with their argument names). Answers the flows asked before and"
            + " after it and, with audits, the health checks that flip, the exposures and shadowed rules added or"
            + " removed. Nothing is written. Problems fail with INVALID_DOCUMENT and extensions.problems, as"
            + " importResources does; a change the in-memory overlay cannot evaluate exactly (a placeholder involved)"
            + " fails with UNDETERMINED.")
    public @NonNull WhatIf whatIf(
            @NonNull @Description("The proposed change: an import document, or {\"edits\": [...]}") String document,
            @Description("Flows to compare before and after the change (a null item is INVALID_ARGUMENT)")
                    List<FlowQuestion> flows,
            @DefaultValue("true") @Description("Also compare health, exposures and shadowed rules (default true)")
                    Boolean audits) {
        return Errors.guard(() -> {
            List<WhatIfs.Question> questions = questions(flows);
            WhatIfs.Result r;
            try {
                r = whatIfs.evaluate(document, questions, !Boolean.FALSE.equals(audits));
            } catch (WhatIfPlanner.NotEvaluable e) {
                throw new UndeterminedException("the change cannot be evaluated in memory: " + e.getMessage());
            }
            if (!r.proposal().valid()) {
                throw ImportApi.invalid(
                        "the document cannot be imported", r.proposal().problems());
            }
            List<FlowChangeResult> changes = results(flows, r.flows());
            AuditChanges a = r.audits().orElse(null);
            return new WhatIf(
                    Math.toIntExact(r.proposal().before().version()),
                    ResourceChangeView.of(r.proposal().changes()),
                    changes,
                    a == null
                            ? null
                            : a.health().stream().map(WhatIfQueries::flip).toList(),
                    a == null
                            ? null
                            : new ExposureChanges(
                                    a.exposuresAdded().stream()
                                            .map(AuditQueries::exposure)
                                            .toList(),
                                    a.exposuresRemoved().stream()
                                            .map(AuditQueries::exposure)
                                            .toList()),
                    a == null
                            ? null
                            : new ShadowedRuleChanges(
                                    a.shadowedAdded().stream()
                                            .map(AuditQueries::shadow)
                                            .toList(),
                                    a.shadowedRemoved().stream()
                                            .map(AuditQueries::shadow)
                                            .toList()),
                    r.proposal().warnings());
        });
    }

    /** The flows asked, checked: a null item or a port out of range is INVALID_ARGUMENT. */
    public static List<WhatIfs.Question> questions(List<FlowQuestion> flows) {
        List<WhatIfs.Question> questions = new ArrayList<>();
        for (FlowQuestion q : flows == null ? List.<FlowQuestion>of() : flows) {
            if (q == null) {
                throw new InvalidArgumentException("flows: an item is null; give each flow as {from, to, port}");
            }
            PathQueries.checkPort("port", q.port);
            questions.add(new WhatIfs.Question(q.from, q.to, q.port, PathQueries.protocol(q.protocol)));
        }
        return questions;
    }

    /** The API's form of each flow change, with the question it answers. */
    public static List<FlowChangeResult> results(List<FlowQuestion> flows, List<FlowChange> changes) {
        List<FlowChangeResult> out = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            out.add(flow(flows.get(i), changes.get(i)));
        }
        return out;
    }

    private static FlowChangeResult flow(FlowQuestion q, FlowChange c) {
        return new FlowChangeResult(
                q.from,
                q.to,
                q.port,
                q.protocol == null ? Protocol.TCP : q.protocol,
                Verdict.valueOf(c.before().verdict().name()),
                Verdict.valueOf(c.after().verdict().name()),
                c.changed(),
                c.gained().toCidrStrings(),
                c.lost().toCidrStrings(),
                SourceKind.valueOf(c.before().callSource().kind().name()),
                SourceKind.valueOf(c.after().callSource().kind().name()),
                PathMapping.flow(c.before()),
                PathMapping.flow(c.after()));
    }

    private static HealthCheckFlip flip(AuditChanges.HealthFlip f) {
        return new HealthCheckFlip(
                f.environment().value(),
                f.name(),
                f.check(),
                f.before().map(s -> CheckStatus.valueOf(s.name())).orElse(null),
                f.after().map(s -> CheckStatus.valueOf(s.name())).orElse(null),
                f.detail());
    }
}
