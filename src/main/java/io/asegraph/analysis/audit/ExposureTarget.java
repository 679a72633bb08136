package io.asegraph.analysis.audit;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.AnalysisContext.Attached;
import io.asegraph.analysis.Hop;
import io.asegraph.analysis.HopKind;
import io.asegraph.analysis.PathEngine;
import io.asegraph.analysis.Step;
import io.asegraph.analysis.StepType;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.policy.NsgLevel;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.PublicIpAddress;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * A place {@link ExposureAudit} audits: a network interface with a public IP or an ASE with a public VIP, with the
 * first hop from its public address, its subnet, the NSGs in front of it in Azure's order (subnet NSG, then NIC NSG),
 * the destination inbound NSGs see (the NIC's private address, or the ASE's subnet), a note for the row, and the
 * ports its public address forwards at all: an ASE's VIP only its front end's published ports ({@link AseFrontEnd});
 * empty for a NIC, whose public IP forwards every port.
 * A private endpoint's interface whose subnet's network policies are off has no chain: {@code bypass} says why (the
 * path engine's rule, {@link PathEngine#privateEndpointBypass}).
 */
record ExposureTarget(
        ResourceId id,
        HopKind kind,
        String name,
        Optional<Long> publicAddress,
        Hop entry,
        Subnet subnet,
        List<Attached> chain,
        AddressSet destination,
        String deliveredTo,
        Optional<String> note,
        Optional<List<PortRange>> published,
        Optional<String> bypass) {

    /** The targets of {@code context}'s topology: NICs with a public IP, ASEs with a public VIP, each in a known subnet. */
    static List<ExposureTarget> of(AnalysisContext context) {
        Topology topology = context.topology();
        List<ExposureTarget> out = new ArrayList<>();
        for (NetworkInterface nic : topology.nics()) {
            if (nic.publicIpIds().isEmpty()) {
                continue;
            }
            Optional<Subnet> subnet = topology.subnet(nic.subnetId());
            if (subnet.isEmpty()) {
                continue;
            }
            Optional<PublicIpAddress> pip = nic.publicIpIds().stream()
                    .map(topology::publicIp)
                    .flatMap(Optional::stream)
                    .findFirst();
            Optional<Long> address =
                    context.index().publicAddresses(nic.publicIpIds()).stream().findFirst();
            String pipName = pip.map(PublicIpAddress::name)
                    .orElse(nic.publicIpIds().get(0).name());
            // A public IP never imported (a placeholder) is not one without an address: its address is not known.
            Optional<String> notImported = nic.publicIpIds().stream()
                    .filter(p -> topology.publicIp(p).isEmpty())
                    .findFirst()
                    .map(p -> ResourceKind.PUBLIC_IP_ADDRESS.notImported(p, "network interface " + nic.name()));
            String at = address.map(a -> pipName + " (" + Ipv4.format(a) + ")")
                    .orElse(pipName + (notImported.isPresent() ? " (not imported)" : " (no address allocated)"));
            Hop entry = new Hop(
                    pip.map(p -> p.id().value()).orElse(nic.publicIpIds().get(0).value()),
                    HopKind.PUBLIC_IP_ADDRESS,
                    List.of(new Step(
                            StepType.ROUTE,
                            "Public IP " + at + " forwards to " + nic.name() + "'s private address "
                                    + Ipv4.format(nic.privateIp()) + ".")));
            List<Attached> chain = chain(context, subnet.get(), Optional.of(nic));
            Optional<String> bypass =
                    PathEngine.privateEndpointBypass(context.index(), subnet.get(), nic.privateIp(), chain);
            out.add(new ExposureTarget(
                    nic.id(),
                    HopKind.NETWORK_INTERFACE,
                    nic.name(),
                    address,
                    entry,
                    subnet.get(),
                    bypass.isPresent() ? List.of() : chain,
                    AddressSet.host(nic.privateIp()),
                    nic.name() + " (" + Ipv4.format(nic.privateIp()) + ")",
                    notImported,
                    Optional.empty(),
                    bypass));
        }
        for (AppServiceEnvironment ase : topology.environments()) {
            if (ase.publicVip().isEmpty()) {
                continue;
            }
            Optional<Subnet> subnet = topology.subnet(ase.subnetId());
            if (subnet.isEmpty()) {
                continue;
            }
            Subnet s = subnet.get();
            Hop entry = new Hop(
                    ase.id().value(),
                    HopKind.APP_SERVICE_ENVIRONMENT,
                    List.of(new Step(
                            StepType.ROUTE,
                            "Public VIP "
                                    + Ipv4.format(ase.publicVip().get()) + " hands the call to " + ase.name()
                                    + "'s workers in " + s.label()
                                    + ".")));
            List<Attached> chain = context.subnetNsg(s).map(List::of).orElse(List.of());
            Optional<String> note = ase.isInternal()
                    ? Optional.of(ase.name() + " is an internal (ILB) ASE: its apps listen "
                            + "on the ILB address, and its public VIP serves the management ports 454-455")
                    : Optional.empty();
            out.add(new ExposureTarget(
                    ase.id(),
                    HopKind.APP_SERVICE_ENVIRONMENT,
                    ase.name(),
                    ase.publicVip(),
                    entry,
                    s,
                    chain,
                    s.addresses(),
                    ase.name() + "'s workers in " + s.label(),
                    note,
                    Optional.of(AseFrontEnd.published(ase)),
                    Optional.empty()));
        }
        return out;
    }

    /**
     * The way in to this target: {@code internet}, the entry, a FILTER step per NSG of the chain (the subnet's on a hop
     * of its own, the interface's on the target's hop) saying what {@code admits} says of the NSG at that position, or
     * that it is not in the snapshot; a subnet hop saying {@code noSubnetNsg} when no subnet NSG filters; and the
     * target's hop ending in a DELIVER step saying {@code delivered}.
     */
    List<Hop> path(Hop internet, IntFunction<String> admits, String noSubnetNsg, String delivered) {
        List<Hop> path = new ArrayList<>();
        path.add(internet);
        path.add(entry);
        List<Step> atTarget = new ArrayList<>();
        boolean subnetFiltered = false;
        for (int i = 0; i < chain.size(); i++) {
            Attached a = chain.get(i);
            String detail = a.nsg().isEmpty()
                    ? ExposureAdmission.nameOf(a) + " is associated here but is not in the snapshot: what it admits is"
                            + " unknown."
                    : admits.apply(i);
            if (a.level() == NsgLevel.SUBNET) {
                path.add(new Hop(a.appliedTo().value(), HopKind.SUBNET, List.of(new Step(StepType.FILTER, detail))));
                subnetFiltered = true;
            } else {
                atTarget.add(new Step(StepType.FILTER, detail));
            }
        }
        if (!subnetFiltered) {
            path.add(new Hop(subnet.id().value(), HopKind.SUBNET, List.of(new Step(StepType.FILTER, noSubnetNsg))));
        }
        atTarget.add(new Step(StepType.DELIVER, delivered));
        path.add(new Hop(id.value(), kind, atTarget));
        return path;
    }

    /**
     * What a row of a target says: the verdict over the Internet sources, those exposed for certain and those that may
     * be, the rules that admit them and what could not be resolved.
     */
    record Finding(
            Verdict verdict,
            AddressSet exposed,
            AddressSet undetermined,
            List<String> admittedBy,
            List<String> causes) {
        /**
         * ALLOWED when every source of {@code all} is exposed, PARTIAL when some are, UNDETERMINED when none is for
         * certain but some may be; empty when none is or may be (no row).
         */
        static Optional<Verdict> verdictOf(AddressSet exposed, AddressSet undetermined, AddressSet all) {
            if (!exposed.isEmpty()) {
                return Optional.of(exposed.equals(all) ? Verdict.ALLOWED : Verdict.PARTIAL);
            }
            return undetermined.isEmpty() ? Optional.empty() : Optional.of(Verdict.UNDETERMINED);
        }
    }

    /** This target's row on {@code port}: what the NSGs in front of it admit, and the way in. */
    Exposure row(
            int port,
            Protocol protocol,
            Finding f,
            List<String> warnings,
            List<Hop> path,
            Optional<DnatPublication> dnat) {
        return new Exposure(
                id,
                kind.label(),
                name,
                publicAddress,
                port,
                protocol,
                f.verdict(),
                f.exposed(),
                f.undetermined(),
                f.admittedBy(),
                f.causes(),
                warnings,
                path,
                dnat);
    }

    /** The inbound NSGs in front of an address of {@code subnet}: the subnet's, then the interface's. */
    static List<Attached> chain(AnalysisContext context, Subnet subnet, Optional<NetworkInterface> nic) {
        List<Attached> chain = new ArrayList<>(2);
        context.subnetNsg(subnet).ifPresent(chain::add);
        nic.flatMap(context::nicNsg).ifPresent(chain::add);
        return List.copyOf(chain);
    }
}
