package io.asegraph.analysis;

import io.asegraph.estate.Unresolved;
import io.asegraph.net.InvalidAddressException;
import io.asegraph.net.Ipv4;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Resource;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import io.asegraph.topology.TopologyIndex;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves the reference strings of the API ({@code from}, {@code to}, {@code target}, {@code source}) in the
 * contract's order: (1) an Azure resource id, case-insensitive; (2) an IPv4 address literal; (3) an app host name,
 * default or custom, case-insensitive; (4) a resource name, case-insensitive, that is unique across the topology
 * and the policy resources (NSGs, ASGs) given. All lookups go through indexes built once.
 *
 * <p>Failures are typed: {@link UnknownReferenceException} when nothing matches, {@link AmbiguousReferenceException}
 * listing the candidates when several do, {@link InvalidArgumentException} for an empty string, a malformed address
 * (e.g. {@code 10.0.0.300}, a block where an address is meant, IPv6) or a resource that cannot play the part
 * asked (a VNet as the caller of a call).
 */
public final class ReferenceResolver {
    /** Strings that are meant as an address (digits, dots, maybe a prefix length) or are IPv6-like. */
    private static final Pattern ADDRESS_LIKE = Pattern.compile("[0-9]+(\\.[0-9]*)+(/[0-9]*)?|.*:.*:.*");

    private final Topology topology;
    private final TopologyIndex index;
    private final Unresolved unresolved;
    private final Map<ResourceId, Resource> policyById = new HashMap<>();
    private final Map<String, List<Resource>> policyByName = new HashMap<>();

    /**
     * @param policyResources resources held outside the topology that references may name, typically
     *                        {@code policySet.nsgs()} and {@code policySet.asgs()}
     */
    public ReferenceResolver(Topology topology, Collection<? extends Resource> policyResources) {
        this(topology, policyResources, Unresolved.NONE);
    }

    /**
     * @param unresolved the snapshot's placeholders: a reference that names one, or a resource held out of the
     *                   snapshot for one, fails with UNDETERMINED naming what is missing and how to import it
     */
    public ReferenceResolver(Topology topology, Collection<? extends Resource> policyResources, Unresolved unresolved) {
        this.unresolved = unresolved;
        this.topology = topology;
        this.index = topology.index();
        for (Resource r : policyResources) {
            policyById.put(r.id(), r);
            policyByName
                    .computeIfAbsent(r.name().trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(r);
        }
    }

    /** A resolver over the topology alone. */
    public static ReferenceResolver of(Topology topology) {
        return new ReferenceResolver(topology, List.of());
    }

    public Topology topology() {
        return topology;
    }

    /**
     * Resolves a destination ({@code to}): an address stays an address, carrying the one resource that holds it
     * (ASE VIP, ILB or outbound address; network interface) when exactly one does.
     */
    public Reference resolveDestination(String text) {
        return resolve(text, false);
    }

    /**
     * Resolves a located reference ({@code from}, {@code source}, {@code target}): an address must lie inside a known
     * subnet and becomes the network interface with that private address there, or else that subnet (the
     * reference keeps the address).
     */
    public Reference resolveLocated(String text) {
        return resolve(text, true);
    }

    /**
     * Resolves the caller of a call ({@code from}): an app, an ASE, a network interface, or an address inside a known
     * subnet. Anything else fails with INVALID_ARGUMENT.
     */
    public Reference resolveCaller(String text) {
        Reference ref = resolveLocated(text);
        requireCaller(ref);
        return ref;
    }

    /** Fails with INVALID_ARGUMENT unless {@code ref} can make calls (app, ASE, network interface, address in a subnet). */
    public static void requireCaller(Reference ref) {
        switch (ref.kind()) {
            case APP, APP_SERVICE_ENVIRONMENT, NETWORK_INTERFACE -> {}
            case SUBNET -> {
                if (ref.address().isEmpty()) {
                    throw new InvalidArgumentException(
                            "'" + ref.text() + "' is a subnet, which does not make calls; name an app, "
                                    + "an ASE or a network interface in it, or an address inside it");
                }
            }
            default -> throw new InvalidArgumentException(
                    "'" + ref.text() + "' is a " + ref.kind().label()
                            + ", which does not make calls; name an app, an ASE, a network interface or an address inside a subnet");
        }
    }

    private Reference resolve(String text, boolean located) {
        if (text == null || text.isBlank()) {
            throw new InvalidArgumentException("an empty string is not a reference; give a resource id, an address, "
                    + "a host name or a resource name");
        }
        String t = text.trim();
        if (t.startsWith("/")) {
            ResourceId id = ResourceId.of(t);
            Optional<Resource> found = index.resource(id).or(() -> Optional.ofNullable(policyById.get(id)));
            if (found.isEmpty()) {
                unresolved(t);
            }
            return found.map(r -> Reference.of(text, r, Resolution.RESOURCE_ID))
                    .orElseThrow(() -> new UnknownReferenceException(text, "no resource has the id '" + t + "'"));
        }
        InvalidAddressException malformed = null;
        if (ADDRESS_LIKE.matcher(t).matches()) {
            try {
                long address = Ipv4.parse(t);
                return located ? locate(text, address) : destination(text, address);
            } catch (InvalidAddressException e) {
                malformed = e;
            }
        }
        List<App> apps = index.appsByHostName(t);
        if (apps.size() == 1) {
            return Reference.of(text, apps.get(0), Resolution.HOST_NAME);
        }
        if (apps.size() > 1) {
            throw new AmbiguousReferenceException(text, "apps by host name", ids(apps));
        }
        List<Resource> named = new ArrayList<>(index.resourcesNamed(t));
        named.addAll(policyByName.getOrDefault(t.toLowerCase(Locale.ROOT), List.of()));
        if (named.size() == 1) {
            return Reference.of(text, named.get(0), Resolution.NAME);
        }
        if (named.size() > 1) {
            throw new AmbiguousReferenceException(text, "resources by name", ids(named));
        }
        if (malformed != null) {
            throw new InvalidArgumentException(malformed.getMessage());
        }
        unresolved(t);
        throw new UnknownReferenceException(
                text, "'" + t + "' matches no resource id, address, app host name or resource name");
    }

    /** Fails with UNDETERMINED when {@code text} names a placeholder or a resource held back for one. */
    private void unresolved(String text) {
        Optional<String> why = unresolved.explain(text);
        if (why.isPresent()) {
            throw new UnresolvedReferenceException(why.get());
        }
    }

    private Reference destination(String text, long address) {
        Set<Resource> holders = new LinkedHashSet<>();
        for (AppServiceEnvironment ase : index.environmentsWithAddress(address)) {
            holders.add(ase);
        }
        holders.addAll(index.nicsWithAddress(address));
        Optional<Resource> only =
                holders.size() == 1 ? Optional.of(holders.iterator().next()) : Optional.empty();
        return new Reference(text, ReferenceKind.ADDRESS, only, Optional.of(address), Resolution.ADDRESS);
    }

    private Reference locate(String text, long address) {
        List<Subnet> subnets = index.subnetsContaining(address);
        if (subnets.isEmpty()) {
            throw new UnknownReferenceException(text, "no known subnet holds the address " + Ipv4.format(address));
        }
        if (subnets.size() > 1) {
            throw new AmbiguousReferenceException(text, "subnets (their VNets overlap)", ids(subnets));
        }
        Subnet subnet = subnets.get(0);
        Optional<NetworkInterface> nic = index.nicAt(subnet.id(), address);
        Resource resource = nic.<Resource>map(n -> n).orElse(subnet);
        return new Reference(
                text, ReferenceKind.of(resource), Optional.of(resource), Optional.of(address), Resolution.ADDRESS);
    }

    private static List<String> ids(Collection<? extends Resource> resources) {
        return resources.stream().map(r -> r.id().value()).toList();
    }
}
