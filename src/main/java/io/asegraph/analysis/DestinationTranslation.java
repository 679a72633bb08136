package io.asegraph.analysis;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.PublicIpAddress;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The destination translation step of a walk, taken by the {@link CallSourceWalker} once it knows where the call
 * arrives: an ASE reached at its VIP or ILB address hands the call to its workers' subnet; a VM reached over the
 * Internet at its network interface's public IP is reached at the interface's private address; anything else is
 * delivered as routed (outside the modelled subnets, where no inbound NSG applies). Thread-safe.
 */
final class DestinationTranslation {
    private final Topology topology;
    private volatile Map<Long, NetworkInterface> nicsByPublicAddress;
    private volatile Map<ResourceId, NetworkInterface> nicsByPublicIp;

    DestinationTranslation(Topology topology) {
        this.topology = topology;
    }

    /**
     * Where a call of {@code kind} to {@code to}, routed toward {@code routed} and delivered into {@code subnet} (and
     * {@code nic}) when inside the model, is delivered after translation; {@link Destination#NONE} when it is not
     * delivered into the model (UNREACHABLE, UNDETERMINED).
     */
    Destination of(
            SourceKind kind, Optional<Subnet> subnet, Optional<NetworkInterface> nic, AddressSet routed, Reference to) {
        if (kind == SourceKind.UNREACHABLE || kind == SourceKind.UNDETERMINED) {
            return Destination.NONE;
        }
        if (subnet.isPresent()) {
            Optional<AppServiceEnvironment> ase = targetAse(to);
            if (ase.isPresent() && ase.get().subnetId().equals(subnet.get().id())) {
                Subnet s = subnet.get();
                return new Destination(
                        subnet,
                        nic,
                        s.addresses(),
                        Optional.of(ase.get().name()
                                + " hands the call to its workers in " + s.label()
                                + ", which its inbound NSGs see as the destination."),
                        List.of());
            }
            return new Destination(subnet, nic, routed, Optional.empty(), List.of());
        }
        Optional<NetworkInterface> behindPublicIp = nicBehindPublicIp(kind, to);
        if (behindPublicIp.isPresent()) {
            NetworkInterface behind = behindPublicIp.get();
            return new Destination(
                    topology.subnet(behind.subnetId()),
                    behindPublicIp,
                    AddressSet.host(behind.privateIp()),
                    Optional.of("Its public IP translates the destination to " + behind.name() + "'s private address "
                            + Ipv4.format(behind.privateIp()) + "."),
                    List.of());
        }
        List<String> notes = to.kind() != ReferenceKind.PUBLIC_IP_ADDRESS
                ? List.of()
                : List.of("Public IP "
                        + to.resource().map(r -> r.name()).orElse(to.text())
                        + " is not attached to a modelled network interface (a"
                        + " load balancer or gateway is not modelled), so no NSG behind it is evaluated.");
        return new Destination(Optional.empty(), nic, routed, Optional.empty(), notes);
    }

    /** The ASE a call to {@code to} is for: the ASE itself, or the ASE hosting the app. */
    private Optional<AppServiceEnvironment> targetAse(Reference to) {
        Object r = to.resource().orElse(null);
        if (r instanceof AppServiceEnvironment ase) {
            return Optional.of(ase);
        }
        if (r instanceof App app) {
            return topology.environment(app.aseId());
        }
        return Optional.empty();
    }

    /** The NIC behind a public IP the call is sent to over the Internet, when a modelled NIC holds it. */
    private Optional<NetworkInterface> nicBehindPublicIp(SourceKind kind, Reference to) {
        if (kind != SourceKind.PUBLIC_VIP
                && kind != SourceKind.NAT_GATEWAY
                && kind != SourceKind.PUBLIC_IP
                && kind != SourceKind.AZURE_FIREWALL) {
            return Optional.empty();
        }
        buildPublicIpIndex();
        if (to.kind() == ReferenceKind.PUBLIC_IP_ADDRESS) {
            return to.resource()
                    .map(r -> ((PublicIpAddress) r).id())
                    .flatMap(id -> Optional.ofNullable(nicsByPublicIp.get(id)));
        }
        if (to.kind() == ReferenceKind.ADDRESS && to.resource().isEmpty()) {
            return to.address().flatMap(a -> Optional.ofNullable(nicsByPublicAddress.get(a)));
        }
        return Optional.empty();
    }

    private void buildPublicIpIndex() {
        if (nicsByPublicIp != null) {
            return;
        }
        synchronized (this) {
            if (nicsByPublicIp != null) {
                return;
            }
            Map<ResourceId, NetworkInterface> byId = new HashMap<>();
            Map<Long, NetworkInterface> byAddress = new HashMap<>();
            for (NetworkInterface nic : topology.nics()) {
                for (ResourceId pip : nic.publicIpIds()) {
                    byId.putIfAbsent(pip, nic);
                    topology.publicIp(pip)
                            .flatMap(PublicIpAddress::ipAddress)
                            .ifPresent(a -> byAddress.putIfAbsent(a, nic));
                }
            }
            nicsByPublicAddress = Collections.unmodifiableMap(byAddress);
            nicsByPublicIp = Collections.unmodifiableMap(byId);
        }
    }
}
