package io.asegraph.analysis;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.Endpoint;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.PrivateEndpoint;
import io.asegraph.topology.PublicIpAddress;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyIndex;
import io.asegraph.topology.VirtualNetwork;
import java.util.List;
import java.util.Optional;

/**
 * The two ends of a call for the {@link CallSourceWalker}: the caller (an app on its ASE, an ASE, a network
 * interface, or an address in a subnet) resolved to the subnet it leaves from and its private sources, and the
 * destination resolved to the blocks to route toward and what is known of where it lives (an ASE at its VIP or ILB
 * address, a network interface at its private address, an endpoint's blocks, a public IP, an address). A destination
 * that cannot be addressed carries the reason as its {@code problem}.
 */
final class WalkEnds {
    private final Topology topology;
    private final TopologyIndex index;

    WalkEnds(Topology topology, TopologyIndex index) {
        this.topology = topology;
        this.index = index;
    }

    /** The caller of a call, resolved to the subnet it leaves from. */
    record Caller(
            String node,
            HopKind kind,
            Subnet subnet,
            VirtualNetwork vnet,
            Optional<AppServiceEnvironment> ase,
            Optional<NetworkInterface> nic,
            AddressSet privateSources,
            String name,
            String intro) {}

    /** The destination, resolved to the blocks to route toward and what is known of where it lives. */
    record Target(
            String node,
            HopKind kind,
            String name,
            List<Cidr> blocks,
            Optional<ResourceId> privateVnet,
            Optional<ResourceId> subnet,
            Optional<ResourceId> nic,
            Optional<AppServiceEnvironment> ase,
            String lead,
            Optional<String> problem) {
        /**
         * A destination known only by its blocks (an endpoint, a public IP, an address), nothing of where it lives; or,
         * with a {@code problem}, one that cannot be addressed.
         */
        static Target outside(String id, HopKind hopKind, String label, List<Cidr> blocks, Optional<String> problem) {
            return new Target(
                    id,
                    hopKind,
                    label,
                    blocks,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    "",
                    problem);
        }
    }

    /** The caller, resolved to the subnet it leaves from; an error when {@code from} does not make calls. */
    Caller caller(Reference from) {
        return switch (from.kind()) {
            case APP -> {
                App app = (App) from.resource().orElseThrow();
                AppServiceEnvironment ase = topology.environment(app.aseId())
                        .orElseThrow(() -> new IllegalStateException(
                                "app " + app.id() + " is hosted on " + app.aseId() + ", which is not in the snapshot"));
                yield aseCaller(ase, app.id().value(), HopKind.APP, app.name() + " runs on " + ase.name() + ". ");
            }
            case APP_SERVICE_ENVIRONMENT -> {
                AppServiceEnvironment ase =
                        (AppServiceEnvironment) from.resource().orElseThrow();
                yield aseCaller(ase, ase.id().value(), HopKind.APP_SERVICE_ENVIRONMENT, "");
            }
            case NETWORK_INTERFACE -> {
                NetworkInterface nic = (NetworkInterface) from.resource().orElseThrow();
                Subnet subnet = subnet(nic.subnetId(), "network interface " + nic.id());
                yield new Caller(
                        nic.id().value(),
                        HopKind.NETWORK_INTERFACE,
                        subnet,
                        vnet(subnet),
                        Optional.empty(),
                        Optional.of(nic),
                        AddressSet.host(nic.privateIp()),
                        nic.name(),
                        "");
            }
            case SUBNET -> {
                Subnet subnet = (Subnet) from.resource().orElseThrow();
                long address = from.address().orElseThrow();
                List<AppServiceEnvironment> ases = index.environmentsIn(subnet.id());
                if (!ases.isEmpty()) {
                    yield aseCaller(
                            ases.get(0),
                            ases.get(0).id().value(),
                            HopKind.APP_SERVICE_ENVIRONMENT,
                            Ipv4.format(address) + " is a worker address of "
                                    + ases.get(0).name() + ". ");
                }
                yield new Caller(
                        Ipv4.format(address),
                        HopKind.ADDRESS,
                        subnet,
                        vnet(subnet),
                        Optional.empty(),
                        Optional.empty(),
                        AddressSet.host(address),
                        Ipv4.format(address),
                        "");
            }
            default -> throw new InvalidArgumentException(
                    "'" + from.text() + "' is a " + from.kind().label() + ", which does not make calls");
        };
    }

    private Caller aseCaller(AppServiceEnvironment ase, String node, HopKind kind, String intro) {
        Subnet subnet = subnet(ase.subnetId(), "ASE " + ase.id());
        return new Caller(
                node,
                kind,
                subnet,
                vnet(subnet),
                Optional.of(ase),
                Optional.empty(),
                subnet.addresses(),
                ase.name(),
                intro);
    }

    /** The destination, resolved to the blocks to route toward; an error when {@code to} is not a destination. */
    Target target(Reference to) {
        return switch (to.kind()) {
            case APP -> {
                App app = (App) to.resource().orElseThrow();
                Optional<AppServiceEnvironment> ase = topology.environment(app.aseId());
                if (ase.isEmpty()) {
                    yield problem(
                            app.id().value(),
                            HopKind.APP,
                            app.name(),
                            app.name() + " is hosted on " + app.aseId()
                                    + ", which is not in the snapshot, so its address cannot be told.");
                }
                yield aseTarget(ase.get(), Optional.empty(), app.id().value(), HopKind.APP, app.name());
            }
            case APP_SERVICE_ENVIRONMENT -> {
                AppServiceEnvironment ase =
                        (AppServiceEnvironment) to.resource().orElseThrow();
                yield aseTarget(ase, Optional.empty(), ase.id().value(), HopKind.APP_SERVICE_ENVIRONMENT, ase.name());
            }
            case NETWORK_INTERFACE -> nicTarget((NetworkInterface) to.resource().orElseThrow());
            case PRIVATE_ENDPOINT -> privateEndpointTarget(
                    (PrivateEndpoint) to.resource().orElseThrow());
            case ENDPOINT -> {
                Endpoint e = (Endpoint) to.resource().orElseThrow();
                if (e.addresses().isEmpty()) {
                    yield problem(
                            e.id().value(), HopKind.ENDPOINT, e.name(), "Endpoint " + e.name() + " has no addresses.");
                }
                yield Target.outside(e.id().value(), HopKind.ENDPOINT, e.name(), e.addresses(), Optional.empty());
            }
            case PUBLIC_IP_ADDRESS -> {
                PublicIpAddress pip = (PublicIpAddress) to.resource().orElseThrow();
                if (pip.ipAddress().isEmpty()) {
                    yield problem(
                            pip.id().value(),
                            HopKind.PUBLIC_IP_ADDRESS,
                            pip.name(),
                            "Public IP " + pip.name() + " has no allocated address, so the call cannot be routed.");
                }
                yield Target.outside(
                        pip.id().value(),
                        HopKind.PUBLIC_IP_ADDRESS,
                        pip.name(),
                        List.of(Cidr.host(pip.ipAddress().get())),
                        Optional.empty());
            }
            case ADDRESS -> {
                long address = to.address().orElseThrow();
                if (to.resource().isPresent() && to.resource().get() instanceof AppServiceEnvironment ase) {
                    yield aseTarget(
                            ase, Optional.of(address), ase.id().value(), HopKind.APP_SERVICE_ENVIRONMENT, ase.name());
                }
                // An address held by a network interface stays an address: the route decides which VNet it reaches
                // (address spaces of unconnected VNets may overlap), and the interface there, if any, receives it.
                String text = Ipv4.format(address);
                yield Target.outside(text, HopKind.ADDRESS, text, List.of(Cidr.host(address)), Optional.empty());
            }
            default -> throw new InvalidArgumentException(
                    "'" + to.text() + "' is a " + to.kind().label()
                            + ", which is not a call destination; name an app, an ASE, a network interface, a private endpoint, an endpoint"
                            + " or an address");
        };
    }

    private Target aseTarget(AppServiceEnvironment ase, Optional<Long> given, String node, HopKind kind, String name) {
        Optional<Long> address = given.or(() -> ase.isInternal() ? ase.internalAddress() : ase.publicVip());
        if (address.isEmpty()) {
            String why = ase.isInternal()
                    ? ase.name() + " is an internal (ILB) ASE but its ILB address is not recorded"
                    : ase.name() + " has no public VIP recorded";
            return problem(node, kind, name, why + ", so " + name + " cannot be addressed.");
        }
        Optional<Subnet> subnet = topology.subnet(ase.subnetId());
        boolean internal =
                ase.internalAddress().isPresent() && ase.internalAddress().get().equals(address.get());
        String at = internal ? "ILB address " : "public VIP ";
        String whose = name.equals(ase.name()) ? "its " : ase.name() + "'s ";
        String lead = name + " is reached at " + whose + at + Ipv4.format(address.get());
        return new Target(
                node,
                kind,
                name,
                List.of(Cidr.host(address.get())),
                internal ? subnet.map(Subnet::vnetId) : Optional.empty(),
                subnet.map(Subnet::id),
                Optional.empty(),
                Optional.of(ase),
                lead,
                Optional.empty());
    }

    private Target nicTarget(NetworkInterface nic) {
        Optional<Subnet> subnet = topology.subnet(nic.subnetId());
        return new Target(
                nic.id().value(),
                HopKind.NETWORK_INTERFACE,
                nic.name(),
                List.of(Cidr.host(nic.privateIp())),
                subnet.map(Subnet::vnetId),
                subnet.map(Subnet::id),
                Optional.of(nic.id()),
                Optional.empty(),
                "",
                Optional.empty());
    }

    /** A private endpoint, at its first private address, in its subnet (with its interface there, if imported). */
    private Target privateEndpointTarget(PrivateEndpoint pe) {
        List<Long> addresses = index.privateEndpointAddresses(pe);
        if (addresses.isEmpty()) {
            return problem(
                    pe.id().value(),
                    HopKind.PRIVATE_ENDPOINT,
                    pe.name(),
                    "Private endpoint " + pe.name() + " has no private address recorded (neither in customDnsConfigs"
                            + " or ipConfigurations nor on an imported network interface).");
        }
        long address = addresses.get(0);
        Optional<Subnet> subnet = topology.subnet(pe.subnetId());
        String lead = addresses.size() == 1
                ? ""
                : pe.name() + " is reached at its first private address " + Ipv4.format(address);
        return new Target(
                pe.id().value(),
                HopKind.PRIVATE_ENDPOINT,
                pe.name(),
                List.of(Cidr.host(address)),
                subnet.map(Subnet::vnetId),
                subnet.map(Subnet::id),
                index.nicAt(pe.subnetId(), address).map(NetworkInterface::id),
                Optional.empty(),
                lead,
                Optional.empty());
    }

    private static Target problem(String node, HopKind kind, String name, String why) {
        return Target.outside(node, kind, name, List.of(), Optional.of(why));
    }

    private Subnet subnet(ResourceId id, String owner) {
        return topology.subnet(id)
                .orElseThrow(() ->
                        new IllegalStateException(owner + " is in subnet " + id + ", which is not in the snapshot"));
    }

    private VirtualNetwork vnet(Subnet subnet) {
        return topology.vnet(subnet.vnetId())
                .orElseThrow(() -> new IllegalStateException(
                        "subnet " + subnet.id() + " names VNet " + subnet.vnetId() + ", which is not in the snapshot"));
    }
}
