package io.asegraph.analysis;

import io.asegraph.analysis.WalkEnds.Caller;
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

    WalkPart through(PartBuilder out, String route, AzureFirewall fw) {
        Caller c = out.caller;
        Target t = out.target;
        String name = "Azure Firewall " + fw.name();
        String at = fw.privateIp().map(Ipv4::format).orElse("");
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(
                StepType.ROUTE, "Enters " + name + " at " + at + ", which applies its rules to every source address."));
        String sends = route + " sends the call to " + name + " (" + at + ")";
        Optional<Subnet> fwSubnet = fw.subnetId().flatMap(topology::subnet);
        if (fwSubnet.isEmpty()) {
            return undetermined(
                    out,
                    fw,
                    steps,
                    sends + ", whose subnet is not in the model, so where it forwards the call cannot be told");
        }
        EffectiveRoutes routes = routing.effectiveRoutes(fwSubnet.get());
        List<RoutedRange> next = new ArrayList<>();
        for (Cidr block : out.addresses.toCidrs()) {
            next.addAll(routes.decide(block));
        }
        NextHop hop = next.get(0).nextHop();
        boolean oneRoute = next.stream().allMatch(r -> r.nextHop().route().equals(hop.route()));
        if (!oneRoute) {
            return undetermined(
                    out,
                    fw,
                    steps,
                    sends + ", and the routes of " + fwSubnet.get().name() + " send the addresses of " + out.destText
                            + " different ways; ask about one address");
        }
        String onward = "From " + fwSubnet.get().name() + ", " + out.destText + " matches " + hop.describeRoute() + ".";
        steps.add(new Step(StepType.ROUTE, onward));
        if (!hop.isDetermined()) {
            return undetermined(
                    out,
                    fw,
                    steps,
                    sends + ", and a user route of " + fwSubnet.get().name()
                            + " whose service tag is not imported may decide where it goes next");
        }
        AddressSet notTranslated = FirewallRules.of(fw, topology).notTranslated();
        boolean translate = !notTranslated.containsAll(out.addresses);
        if (translate && notTranslated.overlaps(out.addresses)) {
            return undetermined(
                    out,
                    fw,
                    steps,
                    sends + "; part of " + out.destText + " is in its SNAT private ranges and part is not, so the"
                            + " source differs by address; ask about one address");
        }
        boolean connected = routes.virtualNetworkTopology().containsAll(out.addresses);
        return switch (hop.type()) {
            case INTERNET -> translate
                    ? toInternet(out, fw, steps, sends)
                    : undetermined(
                            out,
                            fw,
                            steps,
                            sends + ", which does not translate " + out.destText
                                    + " (in its SNAT private ranges) yet sends it to the Internet");
            case VNET_LOCAL, VNET_PEERING -> translate
                    ? untranslatedOnly(out, fw, steps, sends)
                    : inside(out, fw, steps, route, fwSubnet.get(), hop);
            case VIRTUAL_NETWORK_GATEWAY -> connected && !translate
                    ? inside(out, fw, steps, route, fwSubnet.get(), hop)
                    : undetermined(
                            out,
                            fw,
                            steps,
                            sends + ", and " + fwSubnet.get().name() + " tunnels it on to a virtual network gateway"
                                    + " (forced tunnelling from the firewall), where the source is decided"
                                    + WalkPhrases.broken(c));
            case VIRTUAL_APPLIANCE -> undetermined(
                    out, fw, steps, sends + ", which forwards it to another appliance, which decides the source");
            case VIRTUAL_NETWORK_SERVICE_ENDPOINT -> undetermined(
                    out,
                    fw,
                    steps,
                    sends + ", whose subnet reaches " + out.destText + " over a service endpoint, with one of the"
                            + " firewall's private addresses as source");
            case NONE -> {
                steps.add(new Step(StepType.DROP, "Next hop None from the firewall's subnet: the packet is dropped."));
                yield out.unreachable(WalkPhrases.cap(sends) + ", and "
                                + fwSubnet.get().name() + " drops " + out.destText + " (next hop None).")
                        .through(fw);
            }
        };
    }

    private WalkPart toInternet(PartBuilder out, AzureFirewall fw, List<Step> steps, String sends) {
        Target t = out.target;
        if (t.privateVnet().isPresent()) {
            steps.add(new Step(StepType.DROP, out.destText + " is a private address not reached from the firewall."));
            return out.unreachable(WalkPhrases.cap(sends) + ", which sends " + out.destText + " to the Internet, but "
                            + t.name() + " is a private address of "
                            + vnetName(t.privateVnet().get()) + ".")
                    .through(fw);
        }
        Optional<ResourceId> missingIp = fw.publicIpIds().stream()
                .filter(p -> topology.publicIp(p).isEmpty())
                .findFirst();
        if (missingIp.isPresent()) {
            return undetermined(
                    out,
                    fw,
                    steps,
                    sends + ", whose source address toward the Internet depends on a resource not imported: "
                            + ResourceKind.PUBLIC_IP_ADDRESS.notImported(
                                    missingIp.get(), "Azure Firewall " + fw.name()));
        }
        List<Long> addresses = index.publicAddresses(fw.publicIpIds());
        if (addresses.isEmpty()) {
            return undetermined(
                    out,
                    fw,
                    steps,
                    sends + ", which has no allocated public address in the snapshot, so the source cannot be told");
        }
        String which = addresses.size() == 1 ? "public IP " : "public IPs ";
        steps.add(new Step(
                StepType.SOURCE_NAT,
                "Translated to " + fw.name() + "'s " + which + WalkPhrases.list(addresses)
                        + (addresses.size() > 1 ? " (any of them may be used)." : ".")));
        Hop hop = new Hop(fw.id().value(), HopKind.AZURE_FIREWALL, steps);
        return out.translated(
                        SourceKind.AZURE_FIREWALL,
                        addresses,
                        WalkPhrases.sentence(
                                t.lead(),
                                sends + ", which sends it to the Internet translated to its " + which
                                        + WalkPhrases.list(addresses)
                                        + (addresses.size() > 1 ? " (any of them may be used; allow them all)" : "")
                                        + WalkPhrases.crossAseNote(out.caller, t) + "."),
                        hop)
                .through(fw);
    }

    private WalkPart inside(
            PartBuilder out, AzureFirewall fw, List<Step> steps, String route, Subnet fwSubnet, NextHop hop) {
        Target t = out.target;
        ResourceId reached = hop.type() == NextHopType.VNET_LOCAL
                ? fwSubnet.vnetId()
                : hop.route().via().orElse(fwSubnet.vnetId());
        boolean overGateway = hop.type() == NextHopType.VIRTUAL_NETWORK_GATEWAY;
        if (!overGateway
                && t.privateVnet().isPresent()
                && !t.privateVnet().get().equals(reached)) {
            steps.add(new Step(StepType.DROP, "The route stays in " + vnetName(reached) + "."));
            return out.unreachable(WalkPhrases.cap(route) + " sends the call to " + fw.name() + ", which delivers "
                            + out.destText + " inside " + vnetName(reached) + ", but " + t.name() + " is in "
                            + vnetName(t.privateVnet().get()) + ".")
                    .through(fw);
        }
        Optional<ResourceId> subnet = t.subnet()
                .or(() -> overGateway
                        ? Optional.empty()
                        : index.subnetContaining(reached, hop.destination()).map(Subnet::id));
        Optional<ResourceId> nic = t.nic()
                .or(() -> subnet.flatMap(s -> index.nicAt(s, hop.destination())).map(NetworkInterface::id));
        steps.add(new Step(
                StepType.SOURCE_NAT,
                "Not translated: " + out.destText + " is in " + fw.name()
                        + "'s SNAT private ranges, so the source stays " + WalkPhrases.insideSource(out.caller) + "."));
        boolean onPremises =
                overGateway && hop.route().via().flatMap(topology::localGateway).isPresent();
        return out.inside(
                        route + " sends the call through " + fw.name() + ", which forwards it untranslated ("
                                + out.destText + " is in its SNAT private ranges)",
                        List.of(new Hop(fw.id().value(), HopKind.AZURE_FIREWALL, steps)),
                        subnet,
                        nic,
                        Optional.of(onPremises ? HopKind.ON_PREMISES : HopKind.ADDRESS))
                .through(fw);
    }

    private WalkPart untranslatedOnly(PartBuilder out, AzureFirewall fw, List<Step> steps, String sends) {
        return undetermined(
                out,
                fw,
                steps,
                sends + ", which translates " + out.destText + " (outside its SNAT private ranges) to one of its"
                        + " private addresses in AzureFirewallSubnet, chosen per instance");
    }

    private WalkPart undetermined(PartBuilder out, AzureFirewall fw, List<Step> steps, String why) {
        List<Step> all = new ArrayList<>(steps);
        all.add(new Step(StepType.SOURCE_NAT, "The source after the firewall is not known to the model."));
        Hop hop = new Hop(fw.id().value(), HopKind.AZURE_FIREWALL, all);
        return out.undetermined(WalkPhrases.cap(why) + ".", List.of(hop)).through(fw);
    }

    private String vnetName(ResourceId id) {
        return topology.vnet(id).map(VirtualNetwork::name).orElse(id.name());
    }
}
