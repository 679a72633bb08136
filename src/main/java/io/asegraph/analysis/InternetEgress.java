package io.asegraph.analysis;

import io.asegraph.analysis.WalkEnds.Caller;
import io.asegraph.analysis.WalkEnds.Target;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.NatGateway;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.PublicIpAddress;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyIndex;
import io.asegraph.topology.VirtualNetwork;
import java.util.List;
import java.util.Optional;

/**
 * The source-NAT step of a call that a route sends to the Internet (azure-semantics §2.1, §2.7): the subnet's NAT
 * gateway when one is attached, else the ASE's public VIP or outbound addresses, else the network interface's public
 * IP, else Azure's default outbound access (UNDETERMINED: an address Azure picks). A NAT gateway or public IP that is
 * referenced but not imported makes the answer UNDETERMINED, naming it. The call path's walker hands the call here
 * once the route is known; the Azure Firewall's own translation is {@link FirewallHop}'s.
 */
final class InternetEgress {
    private final Topology topology;
    private final TopologyIndex index;

    InternetEgress(Topology topology, TopologyIndex index) {
        this.topology = topology;
        this.index = index;
    }

    WalkPart toInternet(PartBuilder out, String route) {
        Caller c = out.caller;
        Target t = out.target;
        if (t.privateVnet().isPresent()) {
            out.drop(out.destText + " is private to " + vnetName(t.privateVnet().get())
                    + ", which is not reached from here.");
            return out.unreachable(WalkPhrases.cap(route) + " sends " + out.destText + " to the Internet, but "
                    + t.name()
                    + " is a private address of " + vnetName(t.privateVnet().get()) + ", which "
                    + c.subnet().name()
                    + " does not reach.");
        }
        String leaves = route + " sends the call out of the VNet";
        Optional<String> notImported = notImported(c);
        if (notImported.isPresent()) {
            out.sourceNat("Undetermined: " + notImported.get() + ".");
            return out.undetermined(
                    WalkPhrases.sentence(
                            t.lead(),
                            leaves + ", but the source address depends on a resource not imported: " + notImported.get()
                                    + "."),
                    List.of());
        }
        Optional<NatGateway> nat = c.subnet().natGatewayId().flatMap(topology::natGateway);
        if (nat.isPresent()) {
            List<Long> addresses = index.natAddresses(nat.get());
            if (addresses.isEmpty()) {
                out.sourceNat("NAT gateway " + nat.get().name() + " has no allocated address.");
                return out.undetermined(
                        WalkPhrases.sentence(
                                t.lead(),
                                leaves + " through NAT gateway " + nat.get().name()
                                        + ", which has no allocated public address in the snapshot, so the source cannot be told."),
                        List.of());
            }
            WalkTrace.Leg natHop = WalkTrace.Leg.of(
                    nat.get().id().value(),
                    HopKind.NAT_GATEWAY,
                    List.of(new Step(StepType.SOURCE_NAT, "Translated to " + WalkPhrases.list(addresses) + ".")));
            return out.translated(
                    SourceKind.NAT_GATEWAY,
                    addresses,
                    WalkPhrases.sentence(
                            t.lead(),
                            leaves + ", so it leaves through NAT gateway "
                                    + nat.get().name() + " of " + c.subnet().name() + " as "
                                    + WalkPhrases.list(addresses) + WalkPhrases.crossAseNote(c, t) + "."),
                    natHop);
        }
        if (c.ase().isPresent()) {
            AppServiceEnvironment ase = c.ase().get();
            List<Long> outbound = !ase.outboundAddresses().isEmpty()
                    ? ase.outboundAddresses()
                    : ase.publicVip().map(List::of).orElse(List.of());
            if (outbound.isEmpty()) {
                out.sourceNat(ase.name() + " has no public VIP or outbound address recorded.");
                return out.undetermined(
                        WalkPhrases.sentence(
                                t.lead(),
                                leaves + ", but " + ase.name()
                                        + " has no public VIP or outbound address recorded, so the source cannot be told."),
                        List.of());
            }
            String what = WalkPhrases.aseOutbound(ase, outbound);
            out.sourceNat(ase.name() + " translates the source to its " + what + ".");
            return out.translated(
                    SourceKind.PUBLIC_VIP,
                    outbound,
                    WalkPhrases.sentence(
                            t.lead(),
                            leaves + ", so it leaves NAT'd to " + ase.name() + "'s " + what
                                    + WalkPhrases.crossAseNote(c, t) + "."),
                    null);
        }
        if (c.nic().isPresent()) {
            NetworkInterface nic = c.nic().get();
            List<PublicIpAddress> pips = nic.publicIpIds().stream()
                    .map(topology::publicIp)
                    .flatMap(Optional::stream)
                    .toList();
            List<Long> addresses = pips.stream()
                    .map(PublicIpAddress::ipAddress)
                    .flatMap(Optional::stream)
                    .toList();
            if (!addresses.isEmpty()) {
                out.sourceNat("Translated to " + nic.name() + "'s public IP " + WalkPhrases.list(addresses) + ".");
                return out.translated(
                        SourceKind.PUBLIC_IP,
                        addresses,
                        WalkPhrases.sentence(
                                t.lead(),
                                leaves + ", so it leaves from " + nic.name() + "'s public IP "
                                        + WalkPhrases.list(addresses) + "."),
                        null);
            }
            if (!nic.publicIpIds().isEmpty()) {
                out.sourceNat(nic.name() + "'s public IP has no allocated address.");
                return out.undetermined(
                        WalkPhrases.sentence(
                                t.lead(),
                                leaves + ", but " + nic.name()
                                        + "'s public IP has no allocated address in the snapshot, so the source cannot be told."),
                        List.of());
            }
            out.sourceNat("Azure's default outbound access translates the source to an address it "
                    + "picks (not modelled).");
            return out.undetermined(
                    WalkPhrases.sentence(
                            t.lead(),
                            leaves + "; " + nic.name() + " has no public IP and "
                                    + c.subnet().name()
                                    + " no NAT gateway, so Azure's default outbound access translates it to a public "
                                    + "address Azure picks, which is neither fixed nor modelled."),
                    List.of());
        }
        out.sourceNat("The public address of " + c.name() + " is not known.");
        return out.undetermined(
                WalkPhrases.sentence(
                        t.lead(),
                        leaves + "; " + c.name() + " is no known network interface, so its "
                                + "public address (instance public IP, load balancer or default outbound access) cannot be told."),
                List.of());
    }

    /**
     * What decides the source address of a call leaving for the Internet but was never imported (a placeholder): the
     * subnet's NAT gateway or one of its public IPs, or, without a NAT gateway, one of the network interface's public
     * IPs. Empty when every one of them is in the snapshot.
     */
    private Optional<String> notImported(Caller c) {
        Optional<ResourceId> natId = c.subnet().natGatewayId();
        if (natId.isPresent()) {
            Optional<NatGateway> nat = topology.natGateway(natId.get());
            if (nat.isEmpty()) {
                return Optional.of(ResourceKind.NAT_GATEWAY.notImported(
                        natId.get(), "subnet " + c.subnet().name()));
            }
            return nat.get().publicIpIds().stream()
                    .filter(p -> topology.publicIp(p).isEmpty())
                    .findFirst()
                    .map(p -> ResourceKind.PUBLIC_IP_ADDRESS.notImported(
                            p, "NAT gateway " + nat.get().name()));
        }
        return c.nic().flatMap(nic -> nic.publicIpIds().stream()
                .filter(p -> topology.publicIp(p).isEmpty())
                .findFirst()
                .map(p -> ResourceKind.PUBLIC_IP_ADDRESS.notImported(p, "network interface " + nic.name())));
    }

    private String vnetName(ResourceId id) {
        return topology.vnet(id).map(VirtualNetwork::name).orElse(id.name());
    }
}
