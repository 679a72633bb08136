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
            Optional<Long> address = nic.publicIpIds().stream()
                    .map(topology::publicIp)
                    .flatMap(Optional::stream)
                    .map(PublicIpAddress::ipAddress)
                    .flatMap(Optional::stream)
                    .findFirst();
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

    /** The inbound NSGs in front of an address of {@code subnet}: the subnet's, then the interface's. */
    static List<Attached> chain(AnalysisContext context, Subnet subnet, Optional<NetworkInterface> nic) {
        List<Attached> chain = new ArrayList<>(2);
        context.subnetNsg(subnet).ifPresent(chain::add);
        nic.flatMap(context::nicNsg).ifPresent(chain::add);
        return List.copyOf(chain);
    }
}
