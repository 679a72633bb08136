package io.asegraph.analysis;

import io.asegraph.estate.Estate;
import io.asegraph.net.Cidr;
import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.ApplicationSecurityGroup;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.ServiceTag;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small builders for the flow tests: rules, NSGs, policy sets and analyzers over an estate. */
final class FlowFixtures {
    private FlowFixtures() {}

    static SecurityRule rule(
            String name,
            int priority,
            Direction direction,
            Access access,
            Protocol protocol,
            String source,
            String destination,
            String destinationPorts) {
        return new SecurityRule(
                name,
                priority,
                direction,
                access,
                protocol,
                List.of(source),
                List.of(PortRange.ALL),
                List.of(destination),
                List.of(PortRange.parse(destinationPorts)),
                List.of(),
                List.of(),
                "",
                false);
    }

    static SecurityRule in(String name, int priority, Access access, String source, String destination, String ports) {
        return rule(name, priority, Direction.INBOUND, access, Protocol.TCP, source, destination, ports);
    }

    static SecurityRule out(String name, int priority, Access access, String source, String destination, String ports) {
        return rule(name, priority, Direction.OUTBOUND, access, Protocol.TCP, source, destination, ports);
    }

    static NetworkSecurityGroup nsg(String id, SecurityRule... rules) {
        ResourceId rid = ResourceId.of(id);
        return new NetworkSecurityGroup(rid, rid.name(), "westus", "", Arrays.asList(rules));
    }

    static ServiceTag tag(String name, String... prefixes) {
        return new ServiceTag(
                name, "", "", 1, Arrays.stream(prefixes).map(Cidr::parseBlock).toList(), 0);
    }

    /** The seed's NSGs with some replaced (same id) or added. */
    static PolicySet seedPolicyWith(NetworkSecurityGroup... nsgs) {
        return policy(List.of(), List.of(), nsgs);
    }

    static PolicySet policy(List<ServiceTag> tags, List<ApplicationSecurityGroup> asgs, NetworkSecurityGroup... nsgs) {
        List<NetworkSecurityGroup> all = new ArrayList<>();
        for (NetworkSecurityGroup seed : ReferenceTopology.nsgs()) {
            if (Arrays.stream(nsgs).noneMatch(n -> n.id().equals(seed.id()))) {
                all.add(seed);
            }
        }
        all.addAll(Arrays.asList(nsgs));
        return new PolicySet(all, asgs, tags);
    }

    static FlowAnalyzer analyzer(Topology topology, PolicySet policies) {
        return new FlowAnalyzer(AnalysisContext.of(new Estate(topology, policies, 1)));
    }

    static FlowResult flow(Topology topology, PolicySet policies, String from, String to, int port) {
        return analyzer(topology, policies).analyze(from, to, port, Protocol.TCP);
    }
}
