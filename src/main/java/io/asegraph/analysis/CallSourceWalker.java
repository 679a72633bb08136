package io.asegraph.analysis;

import io.asegraph.analysis.WalkEnds.Caller;
import io.asegraph.analysis.WalkEnds.Target;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.EffectiveRoute;
import io.asegraph.topology.EffectiveRoutes;
import io.asegraph.topology.EffectiveRoutes.RoutedRange;
import io.asegraph.topology.HeldBack;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.NextHop;
import io.asegraph.topology.NextHopType;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Routing;
import io.asegraph.topology.Routing.ServingGateway;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyIndex;
import io.asegraph.topology.VirtualNetwork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Walks a call from an app (on its ASE), an ASE or a network interface to a destination, and says which address
 * the destination sees it from. The route toward the destination decides (design.md "Call source";
 * azure-semantics §2.1, §2.4, §2.7, after the
 * <a href="https://learn.microsoft.com/azure/app-service/environment/app-service-app-service-environment-network-architecture-overview">
 * ASE network architecture overview</a>):
 * <ul>
 * <li>next hop Internet → the ASE's public VIP (its outbound addresses when they are recorded and differ), or the
 * subnet's NAT gateway address when one is attached. Apps on an ASE, its own or another one in the same VNet,
 * are addressed by their ASE's public VIP, so calls to them are Internet calls too;</li>
 * <li>VnetLocal, VNetPeering, or VirtualNetworkGateway toward a prefix of the subnet's VNet topology → some address
 * of the ASE subnet (SUBNET_RANGE);</li>
 * <li>VirtualNetworkGateway toward anything else (forced tunnelling) or VirtualAppliance → UNDETERMINED, naming who
 * decides; for an Internet-bound call of an ASE, that its required direct outbound path is broken;</li>
 * <li>None → UNREACHABLE; a destination inside the ASE's own subnet other than the ASE itself → UNREACHABLE;</li>
 * <li>a network interface calls from its private address inside the topology; toward the Internet from its
 * subnet's NAT gateway (which Azure prefers over an instance-level public IP), else its own public IP, else
 * Azure's default outbound access (UNDETERMINED: an address Azure picks).</li>
 * </ul>
 * A user route whose service tag is not imported could override any route: the answer is then UNDETERMINED,
 * naming the tag. A destination with several blocks (an endpoint) is routed block by block, split where more
 * specific routes apply; when every part gives the same source the answer is that source, otherwise it is
 * UNDETERMINED and the reason lists each part's result.
 */
public final class CallSourceWalker {
    private final Routing routing;
    private final Topology topology;
    private final TopologyIndex index;
    private final WalkEnds ends;
    private final FirewallHop firewalls;
    private final InternetEgress egress;
    private final DestinationTranslation translation;

    public CallSourceWalker(Routing routing) {
        this.routing = Objects.requireNonNull(routing, "routing");
        this.topology = routing.topology();
        this.index = routing.index();
        this.ends = new WalkEnds(topology, index);
        this.firewalls = new FirewallHop(routing);
        this.egress = new InternetEgress(topology, index);
        this.translation = new DestinationTranslation(topology);
    }

    /**
     * Where a call from {@code from} (an app, an ASE, a network interface, or an address in a subnet) appears from at
     * {@code to} (an app, an ASE, a network interface, an endpoint, a public IP resource or an address).
     *
     * @throws InvalidArgumentException when {@code from} cannot make calls or {@code to} is not a destination
     */
    public CallSource callSource(Reference from, Reference to) {
        return walk(from, to).callSource();
    }

    /**
     * The walk of a call from {@code from} to {@code to}: its {@link #callSource call source}, with its hops cut for
     * the path's later steps and where it goes (see {@link Walk}).
     *
     * @throws InvalidArgumentException when {@code from} cannot make calls or {@code to} is not a destination
     */
    public Walk walk(Reference from, Reference to) {
        ReferenceResolver.requireCaller(from);
        Caller caller = ends.caller(from);
        Target target = ends.target(to);
        if (target.problem().isPresent()) {
            String reason = target.problem().get();
            WalkTrace trace = new WalkTrace(
                    WalkTrace.Leg.of(
                            caller.node(), caller.kind(), List.of(new Step(StepType.ROUTE, "Not routed: " + reason))),
                    List.of(),
                    Optional.empty());
            return new Walk(
                    new CallSource(
                            SourceKind.UNDETERMINED,
                            Optional.empty(),
                            Optional.empty(),
                            reason,
                            trace.hops(),
                            AddressSet.EMPTY,
                            caller.privateSources(),
                            AddressSet.EMPTY),
                    trace,
                    Optional.of(caller.subnet().id()),
                    target.subnet(),
                    target.nic(),
                    Optional.empty(),
                    Optional.empty(),
                    Destination.NONE);
        }
        EffectiveRoutes routes = routing.effectiveRoutes(caller.subnet());
        List<WalkPart> parts = new ArrayList<>();
        for (Cidr block : target.blocks()) {
            for (RoutedRange range : routes.decide(block)) {
                parts.add(decide(caller, target, routes, range));
            }
        }
        return assemble(caller, target, parts, to);
    }

    private Walk assemble(Caller caller, Target target, List<WalkPart> parts, Reference to) {
        AddressSet destination = AddressSet.of(target.blocks());
        WalkPart first = parts.get(0);
        Map<String, List<WalkPart>> outcomes = new LinkedHashMap<>();
        for (WalkPart p : parts) {
            outcomes.computeIfAbsent(p.kind() + " " + p.sources(), k -> new ArrayList<>())
                    .add(p);
        }
        SourceKind kind;
        AddressSet sources;
        String reason;
        WalkTrace trace;
        if (outcomes.size() == 1) {
            kind = first.kind();
            sources = first.sources();
            reason = first.reason();
            boolean oneRoute = parts.stream()
                    .allMatch(p -> p.nextHop().route().equals(first.nextHop().route()));
            if (parts.size() > 1 && oneRoute) {
                reason = reason + " The same holds for every address of " + target.name() + " ("
                        + target.blocks().stream().map(Cidr::toString).collect(Collectors.joining(", ")) + ").";
            } else if (parts.size() > 1) {
                reason = reason + " The other addresses of " + target.name()
                        + " come to the same through other routes: "
                        + parts.subList(1, parts.size()).stream()
                                .map(p -> p.addresses() + " by " + p.nextHop().describeRoute())
                                .collect(Collectors.joining("; "))
                        + ".";
            }
            trace = first.trace();
        } else {
            kind = SourceKind.UNDETERMINED;
            sources = AddressSet.EMPTY;
            List<String> paths = new ArrayList<>();
            for (List<WalkPart> group : outcomes.values()) {
                AddressSet addresses = AddressSet.EMPTY;
                for (WalkPart p : group) {
                    addresses = addresses.union(p.addresses());
                }
                paths.add(addresses + " → " + describe(group.get(0)));
            }
            reason = "The addresses of " + target.name() + " take different paths, so no single source holds: "
                    + String.join("; ", paths) + ". Ask about one address.";
            trace = parts.stream().map(WalkPart::trace).reduce(WalkTrace::then).orElseThrow();
        }
        Optional<Long> address = sources.size() == 1 ? Optional.of(sources.first()) : Optional.empty();
        List<Cidr> blocks = sources.toCidrs();
        Optional<Cidr> range = blocks.size() == 1 ? Optional.of(blocks.get(0)) : Optional.empty();
        return new Walk(
                new CallSource(
                        kind, address, range, reason, trace.hops(), sources, caller.privateSources(), destination),
                trace,
                Optional.of(caller.subnet().id()),
                first.destinationSubnet(),
                first.destinationNic(),
                Optional.of(first.nextHop()),
                first.firewall(),
                translation.of(
                        kind,
                        first.destinationSubnet().flatMap(topology::subnet),
                        first.destinationNic().flatMap(topology::nic),
                        destination,
                        to));
    }

    private static String describe(WalkPart p) {
        return switch (p.kind()) {
            case UNDETERMINED, UNREACHABLE -> p.kind() + " (route "
                    + p.nextHop().describeRoute() + ")";
            default -> p.kind() + " " + p.sources();
        };
    }

    // ---------------------------------------------------------------- one part

    private WalkPart decide(Caller c, Target t, EffectiveRoutes routes, RoutedRange range) {
        NextHop hop = range.nextHop();
        long dest = hop.destination();
        String destText = range.addresses().size() == 1
                ? Ipv4.format(dest)
                : range.addresses().toString();
        String route = "the route " + hop.describeRoute();
        PartBuilder out = new PartBuilder(routing, c, t, hop, destText, range.addresses());
        out.route(c.intro() + "In " + c.subnet().label() + ", " + destText + " matches " + hop.describeRoute() + ".");

        if (!hop.isDetermined()) {
            String open = hop.unresolvedRoutes().stream()
                    .map(EffectiveRoute::describeUnresolved)
                    .collect(Collectors.joining("; "));
            out.route("Undetermined: " + open + " may be more specific and override it.");
            return out.undetermined(
                    WalkPhrases.cap(route) + " would decide, but " + open + " may cover " + destText
                            + " more specifically, so the route, and the source, cannot be told.",
                    List.of());
        }
        boolean selfCall = c.ase().isPresent()
                && t.ase().isPresent()
                && c.ase().get().id().equals(t.ase().get().id());
        if (c.ase().isPresent() && c.subnet().contains(dest) && !selfCall) {
            out.drop(destText + " is inside the ASE's own subnet; an ASE cannot reach other "
                    + "resources deployed in its subnet.");
            return out.unreachable(destText + " is inside " + c.name() + "'s own subnet "
                    + c.subnet().label()
                    + ", and an ASE cannot reach other resources in its own subnet.");
        }
        return switch (hop.type()) {
            case NONE -> {
                out.drop("Next hop None: the packet is dropped.");
                yield out.unreachable(WalkPhrases.cap(route) + " drops the call to " + destText + ".");
            }
            case VNET_LOCAL, VNET_PEERING -> withinVnets(out, route);
            case VIRTUAL_NETWORK_GATEWAY -> viaGateway(out, routes, route);
            case VIRTUAL_APPLIANCE -> viaAppliance(out, routes, route);
            case INTERNET -> egress.toInternet(out, route);
            case VIRTUAL_NETWORK_SERVICE_ENDPOINT -> viaServiceEndpoint(out, route);
        };
    }

    private WalkPart withinVnets(PartBuilder out, String route) {
        Caller c = out.caller;
        Target t = out.target;
        NextHop hop = out.hop;
        ResourceId reached = hop.reachedFrom(c.subnet().vnetId());
        String reachedName = vnetName(reached);
        if (t.privateVnet().isPresent() && !t.privateVnet().get().equals(reached)) {
            out.drop("The route stays in " + reachedName + ", but " + t.name() + " is in "
                    + vnetName(t.privateVnet().get()) + ".");
            return out.unreachable(WalkPhrases.cap(route) + " delivers " + out.destText + " inside " + reachedName
                    + ", but " + t.name() + " is in " + vnetName(t.privateVnet().get())
                    + ", which this route does not reach.");
        }
        Optional<ResourceId> subnet = t.subnet().isPresent()
                ? t.subnet()
                : index.subnetContaining(reached, out.hop.destination()).map(Subnet::id);
        if (subnet.isEmpty()) {
            out.drop("No subnet of " + reachedName + " holds " + out.destText + ".");
            return out.unreachable(WalkPhrases.cap(route) + " delivers " + out.destText + " inside " + reachedName
                    + ", but no subnet of " + reachedName + " holds it.");
        }
        String how = hop.type() == NextHopType.VNET_PEERING
                ? " keeps the call inside the VNet topology (over the peering)"
                : " keeps the call inside the VNet topology";
        Optional<ResourceId> nic = t.nic().or(() -> subnet.flatMap(s -> index.nicAt(s, out.hop.destination()))
                .map(NetworkInterface::id));
        return out.inside(route + how, List.of(), subnet, nic, Optional.of(HopKind.ADDRESS));
    }

    /**
     * A service endpoint's route: the call reaches the service over the Azure backbone and keeps its private source,
     * so the service sees some address of the subnet (its firewall needs a virtual network rule for the subnet, an IP
     * rule for the VIP does not match).
     */
    private WalkPart viaServiceEndpoint(PartBuilder out, String route) {
        return out.inside(
                route + " takes the call to the service over its service endpoint, which keeps the private source (the"
                        + " service's firewall needs a virtual network rule for "
                        + out.caller.subnet().name() + ", not an IP rule)",
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(HopKind.INTERNET));
    }

    private WalkPart viaGateway(PartBuilder out, EffectiveRoutes routes, String route) {
        Caller c = out.caller;
        List<ServingGateway> gateways = routing.gatewaysFor(c.vnet().id());
        Optional<ServingGateway> serving = out.hop
                .route()
                .via()
                .flatMap(v -> gateways.stream()
                        .filter(g -> g.gateway().id().equals(v))
                        .findFirst())
                .or(() -> gateways.stream().findFirst());
        if (serving.isEmpty() && !routing.heldBackGatewaysFor(c.vnet().id()).isEmpty()) {
            // A gateway is imported but held back (its GatewaySubnet not imported): not absent, not known.
            String why = routing.heldBackGatewaysFor(c.vnet().id()).get(0).why();
            out.route("Undetermined: " + why + ".");
            return out.undetermined(
                    WalkPhrases.cap(route) + " sends the call to a virtual network gateway, but " + why + ".",
                    List.of());
        }
        if (serving.isEmpty()) {
            out.drop("No virtual network gateway serves " + c.vnet().name() + ".");
            return out.unreachable(WalkPhrases.cap(route) + " sends the call to a virtual network gateway, but "
                    + c.vnet().name() + " has none (of its own or by gateway transit), so it is dropped.");
        }
        var gateway = serving.get().gateway();
        if (routes.virtualNetworkTopology().contains(out.hop.destination())) {
            WalkTrace.Leg gw = WalkTrace.Leg.of(
                    gateway.id().value(),
                    HopKind.VIRTUAL_NETWORK_GATEWAY,
                    List.of(new Step(StepType.ROUTE, "Carried over " + gateway.name() + " to a connected network.")));
            boolean onPremises =
                    out.hop.route().via().flatMap(topology::localGateway).isPresent();
            // A VNet-to-VNet route names the remote VNet: an address there lands in one of its subnets (and NIC).
            Optional<ResourceId> remoteVnet =
                    out.hop.route().via().filter(v -> topology.vnet(v).isPresent());
            Optional<ResourceId> subnet = out.target.subnet().or(() -> remoteVnet
                    .flatMap(v -> index.subnetContaining(v, out.hop.destination()))
                    .map(Subnet::id));
            Optional<ResourceId> nic = out.target.nic().or(() -> subnet.flatMap(
                            s -> index.nicAt(s, out.hop.destination()))
                    .map(NetworkInterface::id));
            return out.inside(
                    route + " carries the call over " + gateway.name() + " to a connected network",
                    List.of(gw),
                    subnet,
                    nic,
                    Optional.of(onPremises ? HopKind.ON_PREMISES : HopKind.ADDRESS));
        }
        // A default site never imported (a placeholder) is named as such, not left out.
        String site = gateway.defaultSite()
                .map(id -> topology.localGateway(id)
                        .map(s -> " (default site " + s.name() + ")")
                        .orElseGet(() -> " (default site " + id.name() + ": "
                                + ResourceKind.LOCAL_NETWORK_GATEWAY.notImported(
                                        id, "virtual network gateway " + gateway.name())
                                + ")"))
                .orElse("");
        WalkTrace.Leg gw = WalkTrace.Leg.of(
                gateway.id().value(),
                HopKind.VIRTUAL_NETWORK_GATEWAY,
                List.of(
                        new Step(
                                StepType.ROUTE,
                                "Forced tunnelling: the Internet-bound call is tunnelled to the on-premises network"
                                        + site + "."),
                        new Step(StepType.SOURCE_NAT, "The source address is decided on premises (not modelled).")));
        return out.undetermined(
                WalkPhrases.cap(route) + " tunnels this Internet-bound call through " + gateway.name()
                        + " to the on-premises network" + site + ", which decides the source address"
                        + WalkPhrases.broken(c) + ".",
                List.of(gw));
    }

    private WalkPart viaAppliance(PartBuilder out, EffectiveRoutes routes, String route) {
        Caller c = out.caller;
        Optional<AzureFirewall> firewall = out.hop.nextHopIp().flatMap(index::firewallAt);
        if (firewall.isPresent()) {
            return firewalls.through(out, route, firewall.get());
        }
        Optional<HeldBack> heldFirewall = out.hop.nextHopIp().flatMap(routing::heldBackFirewallAt);
        if (heldFirewall.isPresent()) {
            // The Azure Firewall at that address is imported but held back (its subnet not imported): not an unknown
            // appliance, and what it decides is not known.
            String why = heldFirewall.get().why();
            out.route("Undetermined: " + why + ".");
            return out.undetermined(
                    WalkPhrases.cap(route) + " sends the call to the Azure Firewall at "
                            + Ipv4.format(out.hop.nextHopIp().get()) + ", but " + why + ".",
                    List.of());
        }
        String appliance = out.hop.nextHopIp().map(Ipv4::format).orElse("(no address given)");
        boolean connected = routes.virtualNetworkTopology().contains(out.hop.destination());
        WalkTrace.Leg nva = WalkTrace.Leg.of(
                appliance,
                HopKind.VIRTUAL_APPLIANCE,
                List.of(new Step(
                        StepType.SOURCE_NAT,
                        "The appliance at " + appliance + " decides the source address (it may translate it).")));
        String untranslated = connected ? " (if it does not translate, " + WalkPhrases.insideSource(c) + ")" : "";
        return out.undetermined(
                WalkPhrases.cap(route) + " sends the call to the virtual appliance at " + appliance
                        + ", which decides the source address" + untranslated + (connected ? "" : WalkPhrases.broken(c))
                        + ".",
                List.of(nva));
    }

    private String vnetName(ResourceId id) {
        return topology.vnet(id).map(VirtualNetwork::name).orElse(id.name());
    }
}
