package io.asegraph.analysis;

import io.asegraph.analysis.WalkEnds.Target;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.EffectiveRoutes;
import io.asegraph.topology.EffectiveRoutes.RoutedRange;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.NextHop;
import io.asegraph.topology.NextHopType;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Routing;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyIndex;
import io.asegraph.topology.VirtualNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The walk through an Azure Firewall that a route's {@code VirtualAppliance} next hop names by its private address
 * (Microsoft's ASE lockdown: {@code 0.0.0.0/0} to the firewall). The firewall's rules are applied by the path engine
 * over the whole source range ({@link FirewallEvaluator}); here the walk decides what happens next
 * (<a href="https://learn.microsoft.com/azure/firewall/snat-private-range">SNAT private ranges</a>):
 * <ul>
 * <li>the firewall forwards the call by the routes of its own {@code AzureFirewallSubnet};</li>
 * <li>toward the Internet it translates the source to its public IPs (any of them may be used): AZURE_FIREWALL;</li>
 * <li>a destination in its private ranges (by default RFC 1918 and 100.64.0.0/10) is not translated: the
 * destination sees the caller's own private source (SUBNET_RANGE for an ASE), inside the VNet topology;</li>
 * <li>anything the model cannot follow (its subnet not imported, no public address, forced tunnelling from the firewall
 * subnet, a destination partly in its private ranges) is UNDETERMINED, naming the cause; the firewall's rules are still
 * evaluated, so what it denies is denied.</li>
 * </ul>
 */
final class FirewallHop {
    private final Routing routing;
    private final Topology topology;
    private final TopologyIndex index;

    FirewallHop(Routing routing) {
        this.routing = routing;
        this.topology = routing.topology();
        this.index = routing.index();
    }

    /**
     * One call's passage through the firewall as it is walked: the firewall hop's entry (after which its rules
     * filter), its steps after that so far, and its route.
     */
    private static final class Passage {
        final PartBuilder out;
        final AzureFirewall fw;
        final String route;
        /** "ROUTE sends the call to Azure Firewall NAME (ADDRESS)": how every sentence of the passage begins. */
        final String sends;

        final Step entry;
        final List<Step> steps = new ArrayList<>();

        Passage(PartBuilder out, String route, AzureFirewall fw) {
            this.out = out;
            this.fw = fw;
            this.route = route;
            String at = fw.privateIp().map(Ipv4::format).orElse("");
            this.sends = route + " sends the call to Azure Firewall " + fw.name() + " (" + at + ")";
            entry = new Step(
                    StepType.ROUTE,
                    "Enters Azure Firewall " + fw.name() + " at " + at
                            + ", which applies its rules to every source address.");
        }

        /** The firewall's hop as walked: its entry, then the steps after it. */
        WalkTrace.Leg leg() {
            return new WalkTrace.Leg(fw.id().value(), HopKind.AZURE_FIREWALL, List.of(entry), steps);
        }

        /** The source after the firewall cannot be told: {@code why} continues the {@link #sends} sentence. */
        WalkPart undetermined(String why) {
            steps.add(new Step(StepType.SOURCE_NAT, "The source after the firewall is not known to the model."));
            return out.undetermined(WalkPhrases.cap(sends + why) + ".", List.of(leg()))
                    .through(fw);
        }
    }

    WalkPart through(PartBuilder out, String route, AzureFirewall fw) {
        Passage p = new Passage(out, route, fw);
        Optional<Subnet> fwSubnet = fw.subnetId().flatMap(topology::subnet);
        if (fwSubnet.isEmpty()) {
            return p.undetermined(", whose subnet is not in the model, so where it forwards the call cannot be told");
        }
        EffectiveRoutes routes = routing.effectiveRoutes(fwSubnet.get());
        List<RoutedRange> next = new ArrayList<>();
        for (Cidr block : out.addresses.toCidrs()) {
            next.addAll(routes.decide(block));
        }
        NextHop hop = next.get(0).nextHop();
        boolean oneRoute = next.stream().allMatch(r -> r.nextHop().route().equals(hop.route()));
        String fwSubnetName = fwSubnet.get().name();
        if (!oneRoute) {
            return p.undetermined(", and the routes of " + fwSubnetName + " send the addresses of " + out.destText
                    + " different ways; ask about one address");
        }
        String onward = "From " + fwSubnetName + ", " + out.destText + " matches " + hop.describeRoute() + ".";
        p.steps.add(new Step(StepType.ROUTE, onward));
        if (!hop.isDetermined()) {
            return p.undetermined(", and a user route of " + fwSubnetName
                    + " whose service tag is not imported may decide where it goes next");
        }
        AddressSet notTranslated = FirewallRules.of(fw, topology).notTranslated();
        boolean translate = !notTranslated.containsAll(out.addresses);
        if (translate && notTranslated.overlaps(out.addresses)) {
            return p.undetermined("; part of " + out.destText + " is in its SNAT private ranges and part is not, so"
                    + " the source differs by address; ask about one address");
        }
        boolean connected = routes.virtualNetworkTopology().containsAll(out.addresses);
        return switch (hop.type()) {
            case INTERNET -> translate
                    ? toInternet(p)
                    : p.undetermined(", which does not translate " + out.destText
                            + " (in its SNAT private ranges) yet sends it to the Internet");
            case VNET_LOCAL, VNET_PEERING -> translate ? untranslatedOnly(p) : inside(p, fwSubnet.get(), hop);
            case VIRTUAL_NETWORK_GATEWAY -> connected && !translate
                    ? inside(p, fwSubnet.get(), hop)
                    : p.undetermined(", and " + fwSubnetName + " tunnels it on to a virtual network gateway"
                            + " (forced tunnelling from the firewall), where the source is decided"
                            + WalkPhrases.broken(out.caller));
            case VIRTUAL_APPLIANCE -> p.undetermined(
                    ", which forwards it to another appliance, which decides the source");
            case VIRTUAL_NETWORK_SERVICE_ENDPOINT -> p.undetermined(", whose subnet reaches " + out.destText
                    + " over a service endpoint, with one of the firewall's private addresses as source");
            case NONE -> {
                p.steps.add(
                        new Step(StepType.DROP, "Next hop None from the firewall's subnet: the packet is dropped."));
                yield out.unreachable(
                                WalkPhrases.cap(p.sends) + ", and " + fwSubnetName + " drops " + out.destText
                                        + " (next hop None).",
                                List.of(p.leg()))
                        .through(fw);
            }
        };
    }

    private WalkPart toInternet(Passage p) {
        PartBuilder out = p.out;
        AzureFirewall fw = p.fw;
        Target t = out.target;
        if (t.privateVnet().isPresent()) {
            p.steps.add(new Step(StepType.DROP, out.destText + " is a private address not reached from the firewall."));
            return out.unreachable(
                            WalkPhrases.cap(p.sends) + ", which sends " + out.destText + " to the Internet, but "
                                    + t.name() + " is a private address of "
                                    + vnetName(t.privateVnet().get()) + ".",
                            List.of(p.leg()))
                    .through(fw);
        }
        Optional<ResourceId> missingIp = fw.publicIpIds().stream()
                .filter(id -> topology.publicIp(id).isEmpty())
                .findFirst();
        if (missingIp.isPresent()) {
            return p.undetermined(", whose source address toward the Internet depends on a resource not imported: "
                    + ResourceKind.PUBLIC_IP_ADDRESS.notImported(missingIp.get(), "Azure Firewall " + fw.name()));
        }
        List<Long> addresses = index.publicAddresses(fw.publicIpIds());
        if (addresses.isEmpty()) {
            return p.undetermined(
                    ", which has no allocated public address in the snapshot, so the source cannot be told");
        }
        String which = addresses.size() == 1 ? "public IP " : "public IPs ";
        p.steps.add(new Step(
                StepType.SOURCE_NAT,
                "Translated to " + fw.name() + "'s " + which + WalkPhrases.list(addresses)
                        + (addresses.size() > 1 ? " (any of them may be used)." : ".")));
        return out.translated(
                        SourceKind.AZURE_FIREWALL,
                        addresses,
                        WalkPhrases.sentence(
                                t.lead(),
                                p.sends + ", which sends it to the Internet translated to its " + which
                                        + WalkPhrases.list(addresses)
                                        + (addresses.size() > 1 ? " (any of them may be used; allow them all)" : "")
                                        + WalkPhrases.crossAseNote(out.caller, t) + "."),
                        p.leg())
                .through(fw);
    }

    private WalkPart inside(Passage p, Subnet fwSubnet, NextHop hop) {
        PartBuilder out = p.out;
        AzureFirewall fw = p.fw;
        Target t = out.target;
        ResourceId reached = hop.reachedFrom(fwSubnet.vnetId());
        boolean overGateway = hop.type() == NextHopType.VIRTUAL_NETWORK_GATEWAY;
        if (!overGateway
                && t.privateVnet().isPresent()
                && !t.privateVnet().get().equals(reached)) {
            p.steps.add(new Step(StepType.DROP, "The route stays in " + vnetName(reached) + "."));
            return out.unreachable(
                            WalkPhrases.cap(p.route) + " sends the call to " + fw.name() + ", which delivers "
                                    + out.destText + " inside " + vnetName(reached) + ", but " + t.name() + " is in "
                                    + vnetName(t.privateVnet().get()) + ".",
                            List.of(p.leg()))
                    .through(fw);
        }
        Optional<ResourceId> subnet = t.subnet()
                .or(() -> overGateway
                        ? Optional.empty()
                        : index.subnetContaining(reached, hop.destination()).map(Subnet::id));
        Optional<ResourceId> nic = t.nic()
                .or(() -> subnet.flatMap(s -> index.nicAt(s, hop.destination())).map(NetworkInterface::id));
        p.steps.add(new Step(
                StepType.SOURCE_NAT,
                "Not translated: " + out.destText + " is in " + fw.name()
                        + "'s SNAT private ranges, so the source stays " + WalkPhrases.insideSource(out.caller) + "."));
        boolean onPremises =
                overGateway && hop.route().via().flatMap(topology::localGateway).isPresent();
        return out.inside(
                        p.route + " sends the call through " + fw.name() + ", which forwards it untranslated ("
                                + out.destText + " is in its SNAT private ranges)",
                        List.of(p.leg()),
                        subnet,
                        nic,
                        Optional.of(onPremises ? HopKind.ON_PREMISES : HopKind.ADDRESS))
                .through(fw);
    }

    private WalkPart untranslatedOnly(Passage p) {
        return p.undetermined(", which translates " + p.out.destText + " (outside its SNAT private ranges) to one of"
                + " its private addresses in AzureFirewallSubnet, chosen per instance");
    }

    private String vnetName(ResourceId id) {
        return topology.vnet(id).map(VirtualNetwork::name).orElse(id.name());
    }
}
