package io.asegraph.api.audit;

import io.asegraph.analysis.FlowResult;
import io.asegraph.analysis.Reference;
import io.asegraph.analysis.audit.MatrixRow;
import io.asegraph.analysis.audit.RuleFixFormats;
import io.asegraph.api.path.Access;
import io.asegraph.api.path.Direction;
import io.asegraph.api.path.NsgLevel;
import io.asegraph.api.path.PathMapping;
import io.asegraph.api.path.Protocol;
import io.asegraph.api.path.SourceKind;
import io.asegraph.api.path.Verdict;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import java.util.List;

/** Explicit mappings from the audit domain records to the API's types. */
final class AuditMapping {
    private AuditMapping() {
    }

    static EnvironmentHealth health(io.asegraph.analysis.audit.EnvironmentHealth h) {
        return new EnvironmentHealth(h.environment().value(), h.name(), h.kind().name(), h.healthy(),
                CheckStatus.valueOf(h.status().name()), h.checks().stream().map(c -> new HealthCheck(c.name(),
                        CheckStatus.valueOf(c.status().name()), c.requirement(), c.detail(), c.decidedBy())).toList());
    }

    static ShadowedRule shadowed(io.asegraph.analysis.audit.ShadowedRule r) {
        return new ShadowedRule(r.nsg().value(), r.nsgName(), r.ruleName(), r.rule().priority(),
                Direction.valueOf(r.direction().name()), Access.valueOf(r.rule().access().name()),
                ShadowKind.valueOf(r.kind().name()), r.coveredBy(), r.differentAction(), r.causes(),
                r.appliedTo().stream().map(id -> id.value()).toList(), r.dependsOnPlacement());
    }

    static Exposure exposure(io.asegraph.analysis.audit.Exposure e) {
        String sources = e.exposedSources().isEmpty() ? "none for certain"
                : e.verdict() == io.asegraph.policy.Verdict.ALLOWED ? "every Internet source"
                : summary(e.exposedSources());
        return new Exposure(e.target().value(), e.targetName(), e.targetKind(), e.publicAddress().map(Ipv4::format).orElse(null),
                e.port(), Protocol.valueOf(e.protocol().name()), Verdict.valueOf(e.verdict().name()), sources,
                e.exposedSources().toCidrStrings(), e.undeterminedSources().toCidrStrings(), e.admittedBy(), e.causes(),
                e.warnings(), PathMapping.hops(e.path()));
    }

    private static String summary(AddressSet set) {
        List<String> blocks = set.toCidrStrings();
        return blocks.size() <= 6 ? String.join(", ", blocks)
                : String.join(", ", blocks.subList(0, 6)) + " and " + (blocks.size() - 6) + " more blocks";
    }

    static RuleFix fix(io.asegraph.analysis.audit.RuleFix f) {
        return new RuleFix(f.nsg().value(), f.nsgName(), f.appliedTo().value(), NsgLevel.valueOf(f.level().name()),
                Direction.valueOf(f.direction().name()), f.name(), f.priority().orElse(null),
                Protocol.valueOf(f.protocol().name()), f.sourcePrefixes(), f.destinationPrefixes(), f.destinationPorts(),
                f.overrides(), f.description(), f.problem().orElse(null), RuleFixFormats.arm(f).orElse(null),
                RuleFixFormats.azCli(f).orElse(null), RuleFixFormats.terraform(f).orElse(null));
    }

    static RequiredAccess access(io.asegraph.analysis.audit.RequiredAccess r, Reference from, Reference to, int port,
            io.asegraph.net.Protocol protocol) {
        List<String> ranges = r.sources().toCidrStrings();
        String range = ranges.isEmpty() ? r.sourceKind().name() : String.join(", ", ranges);
        return new RequiredAccess(id(from), id(to), port, Protocol.valueOf(protocol.name()),
                SourceKind.valueOf(r.sourceKind().name()), range, ranges, r.satisfied(), Verdict.valueOf(r.verdict().name()),
                r.reason(), r.flow().deniedSources().toCidrStrings(), r.destinationFix().map(AuditMapping::fix).orElse(null),
                r.fixes().stream().map(AuditMapping::fix).toList(), r.verified().orElse(null), PathMapping.flow(r.flow()));
    }

    static Reachability reach(io.asegraph.analysis.audit.Reachability r, String to, int port, Protocol protocol) {
        return new Reachability(r.callerId().value(), r.callerName(), CallerKind.valueOf(r.callerKind().name()),
                Verdict.valueOf(r.verdict().name()), SourceKind.valueOf(r.sourceKind().name()), r.sources().toCidrStrings(),
                r.allowedSources().toCidrStrings(), r.deniedSources().toCidrStrings(),
                r.undeterminedSources().toCidrStrings(), to, port, protocol);
    }

    static ReachabilityMatrix matrix(List<MatrixRow> rows, List<Reference> from, List<Reference> to, int port,
            Protocol protocol) {
        List<io.asegraph.api.audit.MatrixRow> out = rows.stream().map(row -> new io.asegraph.api.audit.MatrixRow(
                id(row.from()), row.from().resource().map(r -> r.name()).orElse(row.from().text()),
                row.from().resource().map(r -> kindName(row.from())).orElse("Address"),
                row.cells().stream().map(c -> cell(c.to(), c.flow())).toList())).toList();
        return new ReachabilityMatrix(from.stream().map(AuditMapping::id).toList(), to.stream().map(AuditMapping::id).toList(),
                port, protocol, out);
    }

    private static MatrixCell cell(Reference to, FlowResult flow) {
        return new MatrixCell(id(to), Verdict.valueOf(flow.verdict().name()),
                SourceKind.valueOf(flow.callSource().kind().name()),
                flow.callSource().addressRange().map(Cidr::toString).orElse(null),
                flow.callSource().sources().toCidrStrings(), flow.reason());
    }

    private static String kindName(Reference r) {
        return switch (r.kind()) {
            case APP -> "App";
            case APP_SERVICE_ENVIRONMENT -> "AppServiceEnvironment";
            case NETWORK_INTERFACE -> "NetworkInterface";
            default -> "Address";
        };
    }

    /** A resolved reference as the API shows it: the resource's id, or the address as given. */
    static String id(Reference r) {
        if (r.kind() == io.asegraph.analysis.ReferenceKind.ADDRESS || r.resource().isEmpty()) {
            return r.address().map(Ipv4::format).orElse(r.text());
        }
        return r.resource().get().id().value();
    }
}
