package io.asegraph.analysis.audit;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.ReferenceTopology;
import io.asegraph.estate.Estate;
import io.asegraph.net.Cidr;
import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.ServiceTag;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builders for the audit tests: rules (singular or plural prefixes), NSGs, policy sets and contexts. */
final class AuditFixtures {
    static final String NET = ReferenceTopology.NET;

    private AuditFixtures() {}

    static String nsgId(String name) {
        return NET + "/networkSecurityGroups/" + name;
    }

    static SecurityRule rule(
            String name,
            int priority,
            Direction direction,
            Access access,
            Protocol protocol,
            List<String> sources,
            List<String> sourcePorts,
            List<String> destinations,
            List<String> destinationPorts) {
        return new SecurityRule(
                name,
                priority,
                direction,
                access,
                protocol,
                sources,
                sourcePorts.stream().map(PortRange::parse).toList(),
                destinations,
                destinationPorts.stream().map(PortRange::parse).toList(),
                List.of(),
                List.of(),
                "",
                false);
    }

    /** An inbound TCP rule from one prefix to any destination on the given ports. */
    static SecurityRule in(String name, int priority, Access access, String source, String... ports) {
        return rule(
                name,
                priority,
                Direction.INBOUND,
                access,
                Protocol.TCP,
                List.of(source),
                List.of("*"),
                List.of("*"),
                List.of(ports));
    }

    /** An outbound TCP rule from any source to one prefix on the given ports. */
    static SecurityRule out(String name, int priority, Access access, String destination, String... ports) {
        return rule(
                name,
                priority,
                Direction.OUTBOUND,
                access,
                Protocol.TCP,
                List.of("*"),
                List.of("*"),
                List.of(destination),
                List.of(ports));
    }

    static NetworkSecurityGroup nsg(String name, SecurityRule... rules) {
        ResourceId id = ResourceId.of(nsgId(name));
        return new NetworkSecurityGroup(id, name, "westus", "", Arrays.asList(rules));
    }

    static ServiceTag tag(String name, String... prefixes) {
        return new ServiceTag(
                name, "", "", 1, Arrays.stream(prefixes).map(Cidr::parseBlock).toList(), 0);
    }

    /** The seed's NSGs, with those of the same id replaced and the others added. */
    static List<NetworkSecurityGroup> seedNsgsWith(NetworkSecurityGroup... nsgs) {
        List<NetworkSecurityGroup> all = new ArrayList<>();
        for (NetworkSecurityGroup seed : ReferenceTopology.nsgs()) {
            if (Arrays.stream(nsgs).noneMatch(n -> n.id().equals(seed.id()))) {
                all.add(seed);
            }
        }
        all.addAll(Arrays.asList(nsgs));
        return all;
    }

    static AnalysisContext context(Topology topology, List<NetworkSecurityGroup> nsgs, ServiceTag... tags) {
        return AnalysisContext.of(new Estate(topology, new PolicySet(nsgs, List.of(), Arrays.asList(tags)), 1));
    }

    /** The reference topology with its seed NSGs (some replaced or added) and the given tags. */
    static AnalysisContext reference(List<NetworkSecurityGroup> nsgs, ServiceTag... tags) {
        return context(ReferenceTopology.topology(), nsgs, tags);
    }

    static AnalysisContext reference() {
        return reference(ReferenceTopology.nsgs());
    }

    static io.asegraph.analysis.FlowAnalyzer flows(AnalysisContext context) {
        return new io.asegraph.analysis.FlowAnalyzer(context);
    }

    static RequiredAccessAudit access(AnalysisContext context) {
        return new RequiredAccessAudit(context, flows(context));
    }

    static ReachabilityAudit reachability(AnalysisContext context) {
        return new ReachabilityAudit(context, flows(context));
    }

    /** An estate written by the bench generator and read back through the importer, as the service would hold it. */
    /** The estate of an import document and a Service Tags file of the test resources ({@code estates/...}). */
    static Estate document(String resource, String serviceTags) {
        return io.asegraph.analysis.JsonEstates.of(
                io.asegraph.analysis.JsonEstates.read(java.nio.file.Path.of("src/test/resources", resource)),
                io.asegraph.analysis.JsonEstates.read(java.nio.file.Path.of("src/test/resources", serviceTags)));
    }

    static Estate generated(io.asegraph.bench.EstateSpec spec, long seed) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("asegraph-audit-estate");
            try {
                io.asegraph.bench.EstateGenerator.generate(spec, seed, dir, false);
                io.asegraph.importing.ParsedDocument r = io.asegraph.importing.ImportParser.parse(
                        java.nio.file.Files.readString(dir.resolve(io.asegraph.bench.EstateGenerator.RESOURCES_FILE)));
                io.asegraph.importing.ParsedDocument tags =
                        io.asegraph.importing.ImportParser.parse(java.nio.file.Files.readString(
                                dir.resolve(io.asegraph.bench.EstateGenerator.SERVICE_TAGS_FILE)));
                if (!r.isValid() || !tags.isValid()) {
                    throw new IllegalStateException("the generated estate does not import");
                }
                return new Estate(
                        Topology.of(r.resources()),
                        new PolicySet(
                                r.of(PolicyTypes.NETWORK_SECURITY_GROUP),
                                r.of(PolicyTypes.APPLICATION_SECURITY_GROUP),
                                tags.of(PolicyTypes.SERVICE_TAGS)),
                        seed);
            } finally {
                try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
