package io.asegraph.analysis.audit;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.FlowAnalyzer;
import io.asegraph.analysis.PathEngine;
import io.asegraph.analysis.PathEngine.Path;
import io.asegraph.analysis.PathEngine.Question;
import io.asegraph.analysis.Reference;
import io.asegraph.analysis.Resolution;
import io.asegraph.analysis.SourceKind;
import io.asegraph.analysis.Walk;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdicts of many callers toward one destination, computed without one walk per caller: the estate-wide half of
 * {@code whoCanReach}. The steps after the walk are the {@link PathEngine}'s, run once for every caller with
 * {@link PathEngine.Explain#VERDICTS} (the same engine {@link FlowAnalyzer} runs, so the verdicts are the same by
 * construction); what this class adds is sharing the walks:
 * <ul>
 * <li>The call-source walk of a network interface depends on its VNet, its subnet's route table and NAT gateway and
 * whether it has a public IP — not on which interface it is, apart from its own addresses. One interface per such
 * group is walked; the others take its outcome with their own private (and public) address substituted. ASEs (each
 * with its own subnet and VIP, and special cases for calls to themselves and into their own subnet) are walked one by
 * one.</li>
 * <li>No explanation: only verdicts and source sets are produced; the full flow of any caller (reason, trace, rules)
 * is {@link FlowAnalyzer#analyze}, asked for the rows that need it.</li>
 * </ul>
 */
final class ReachBatch {
    /** What a caller's flow came to: the verdict and the source sets, as {@link io.asegraph.analysis.FlowResult}. */
    record Outcome(
            Verdict verdict,
            SourceKind kind,
            AddressSet sources,
            AddressSet privateSources,
            AddressSet allowed,
            AddressSet denied,
            AddressSet undetermined) {}

    private final AnalysisContext context;
    private final Topology topology;

    ReachBatch(AnalysisContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.topology = context.topology();
    }

    /** The outcome for each ASE, then each network interface, in the order given. */
    List<Outcome> run(
            List<AppServiceEnvironment> ases, List<NetworkInterface> nics, Reference to, int port, Protocol protocol) {
        List<Path> paths = new ArrayList<>(ases.size() + nics.size());
        for (AppServiceEnvironment ase : ases) {
            Subnet subnet = topology.subnet(ase.subnetId())
                    .orElseThrow(() -> new IllegalStateException(
                            "ASE " + ase.id() + " is in subnet " + ase.subnetId() + ", which is not in the snapshot"));
            Walk walk = context.walker().walk(Reference.of(ase.id().value(), ase, Resolution.RESOURCE_ID), to);
            paths.add(Path.of(walk, subnet, Optional.empty(), topology));
        }
        Map<String, Walk> walked = new LinkedHashMap<>();
        for (NetworkInterface nic : nics) {
            Subnet subnet = topology.subnet(nic.subnetId())
                    .orElseThrow(() -> new IllegalStateException("network interface " + nic.id() + " is in subnet "
                            + nic.subnetId() + ", which is not in the snapshot"));
            Reference caller = Reference.of(nic.id().value(), nic, Resolution.RESOURCE_ID);
            Walk group = walked.computeIfAbsent(
                    walkKey(subnet, nic), k -> context.walker().walk(caller, to));
            paths.add(substituted(subnet, nic, group));
        }
        new PathEngine(context)
                .run(paths, to, Question.of(port, protocol, FlowAnalyzer.EPHEMERAL_PORTS), PathEngine.Explain.VERDICTS);
        return paths.stream()
                .map(p -> new Outcome(
                        p.result().verdict(),
                        p.kind(),
                        p.sources(),
                        p.privateSources(),
                        p.result().allowed(),
                        p.result().denied(),
                        p.result().undetermined()))
                .toList();
    }

    /**
     * What a network interface's walk depends on besides its own addresses: its VNet, route table and service
     * endpoints (its effective routes), its subnet's NAT gateway, and its public IPs (none, unallocated, allocated).
     */
    private String walkKey(Subnet subnet, NetworkInterface nic) {
        List<Long> pips = publicAddresses(nic);
        String pipState =
                nic.publicIpIds().isEmpty() ? "none" : pips.isEmpty() ? "unallocated" : "allocated" + pips.size();
        if (nic.publicIpIds().stream().anyMatch(p -> topology.publicIp(p).isEmpty())) {
            // A public IP never imported (a placeholder) makes this NIC's Internet source UNDETERMINED naming it: its
            // walk is its own.
            pipState = "not-imported:" + nic.id().key();
        }
        return subnet.vnetId().key() + "|"
                + subnet.routeTableId().map(ResourceId::key).orElse("") + "|"
                + subnet.natGatewayId().map(ResourceId::key).orElse("") + "|" + pipState + "|"
                + subnet.serviceEndpoints();
    }

    private List<Long> publicAddresses(NetworkInterface nic) {
        return topology.index().publicAddresses(nic.publicIpIds());
    }

    /** The group's walk with this interface's addresses: its private address, and its public IP when it leaves by it. */
    private Path substituted(Subnet subnet, NetworkInterface nic, Walk group) {
        AddressSet own = AddressSet.host(nic.privateIp());
        AddressSet sources =
                switch (group.kind()) {
                    case PRIVATE_ADDRESS, SUBNET_RANGE -> own;
                    case PUBLIC_IP -> hosts(publicAddresses(nic));
                    default -> group.callSource().sources();
                };
        return Path.takenOver(group, nic, subnet, sources, topology);
    }

    private static AddressSet hosts(List<Long> addresses) {
        return AddressSet.of(addresses.stream().map(Cidr::host).toList());
    }
}
