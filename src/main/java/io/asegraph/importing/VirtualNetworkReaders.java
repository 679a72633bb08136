package io.asegraph.importing;

import io.asegraph.importing.Session.Field;
import io.asegraph.importing.Session.Header;
import io.asegraph.importing.Session.Res;
import io.asegraph.net.Cidr;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.Peering;
import io.asegraph.topology.PeeringState;
import io.asegraph.topology.PrivateEndpointNetworkPolicies;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.ServiceEndpoint;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.VirtualNetwork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Readers for virtual networks with the subnets and peerings embedded in them, and for subnets and peerings listed
 * on their own (their VNet is the parent in their id). Shapes: azure-semantics §6.2 and §6.3; {@code properties}
 * nested (ARM) or flattened ({@code az network ... show}).
 */
final class VirtualNetworkReaders {
    private VirtualNetworkReaders() {}

    static void virtualNetwork(Session s, Res r) {
        Header h = s.header(r, ResourceKind.VIRTUAL_NETWORK);
        String owner = "virtual network " + h.label();
        int before = s.problems.size();
        Field space = r.get("addressSpace");
        s.object(space);
        Field prefixesField = space.get("addressPrefixes");
        List<Cidr> prefixes = NetworkReaders.blocks(s, prefixesField, owner, false);
        boolean prefixesOk = s.problems.size() == before;
        if (prefixes.isEmpty() && prefixesOk) {
            s.problem(
                    prefixesField.path(),
                    prefixesField.node(),
                    "addressSpace.addressPrefixes of " + owner
                            + " is required: a virtual network needs at least one IPv4 address prefix");
            prefixesOk = false;
        }
        List<Cidr> sorted = new ArrayList<>(prefixes);
        sorted.sort(Comparator.naturalOrder());
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                s.problem(
                        prefixesField.path(),
                        prefixesField.node(),
                        "addressSpace.addressPrefixes of " + owner + ": " + sorted.get(i - 1) + " and " + sorted.get(i)
                                + " overlap; a VNet's prefixes must not overlap");
                prefixesOk = false;
            }
        }
        if (h.id() != null && prefixesOk) {
            s.vnetSpaces.put(h.id(), new Session.VnetSpace(h.name(), prefixes, prefixesField.path()));
        }
        if (s.problems.size() == before && h.complete()) {
            s.resources.add(NetworkTypes.VIRTUAL_NETWORK, new VirtualNetwork(h.id(), h.name(), h.location(), prefixes));
        }
        if (!r.states(StatePart.SUBNETS.field())) {
            s.unstated(h.id(), StatePart.SUBNETS);
        } else if (h.id() != null) {
            s.vnetSubnetLists.put(h.id(), r.get("subnets").path());
        }
        if (!r.states(StatePart.PEERINGS.field())) {
            s.unstated(h.id(), StatePart.PEERINGS);
        }
        for (Field sub : s.array(r.get("subnets"))) {
            if (s.object(sub)) {
                Res child = new Res(s, sub.node(), sub.path());
                Optional<String> name = s.requiredText(child.top("name"), "every subnet needs a name");
                Optional<ResourceId> id = s.childId(
                        child,
                        h.id(),
                        "subnets",
                        name.orElse(null),
                        ResourceKind.SUBNET,
                        "virtual network " + h.label());
                subnetBody(s, child, id.orElse(null), name.orElse(null), h.id());
            }
        }
        for (Field p : s.array(r.get("virtualNetworkPeerings"))) {
            if (s.object(p)) {
                Res child = new Res(s, p.node(), p.path());
                Optional<String> name = s.requiredText(child.top("name"), "every peering needs a name");
                Optional<ResourceId> id = s.childId(
                        child,
                        h.id(),
                        "virtualNetworkPeerings",
                        name.orElse(null),
                        ResourceKind.PEERING,
                        "virtual network " + h.label());
                peeringBody(s, child, id.orElse(null), name.orElse(null), h.id());
            }
        }
    }

    /** A {@code Microsoft.Network/virtualNetworks/subnets} resource: its VNet is the parent in its id. */
    static void standaloneSubnet(Session s, Res r) {
        Header h = s.header(r, ResourceKind.SUBNET);
        ResourceId vnet = null;
        if (h.id() != null) {
            vnet = Ids.vnetOfSubnet(h.id()).orElse(null);
            if (vnet == null) {
                s.problem(
                        r.top("id").path(),
                        h.id().value(),
                        "id '" + h.id().value() + "' of subnet " + h.label()
                                + " does not have the shape <virtual network id>/subnets/<name>, so its VNet is unknown");
            } else {
                s.derivedReference(
                        r.top("id").path(),
                        "virtual network of subnet id",
                        vnet,
                        ResourceKind.VIRTUAL_NETWORK,
                        "subnet " + h.label());
            }
        }
        subnetBody(s, r, h.id(), h.name(), vnet);
    }

    private static void subnetBody(Session s, Res r, ResourceId id, String name, ResourceId vnetId) {
        String owner = "subnet " + (name != null ? "'" + name + "'" : "(unnamed)");
        int before = s.problems.size();
        List<Session.PlacedPrefix> prefixes = prefixes(s, r, owner, id);
        Optional<ResourceId> nsg =
                s.reference(r.get("networkSecurityGroup"), ResourceKind.NETWORK_SECURITY_GROUP, false, owner);
        Optional<ResourceId> routes = s.reference(r.get("routeTable"), ResourceKind.ROUTE_TABLE, false, owner);
        Optional<ResourceId> nat = s.reference(r.get("natGateway"), ResourceKind.NAT_GATEWAY, false, owner);
        List<ServiceEndpoint> endpoints = serviceEndpoints(s, r.get("serviceEndpoints"), owner);
        PrivateEndpointNetworkPolicies policies = privateEndpointNetworkPolicies(s, r, id, owner);
        if (s.problems.size() == before && id != null && name != null && vnetId != null && !prefixes.isEmpty()) {
            List<Cidr> cidrs =
                    prefixes.stream().map(Session.PlacedPrefix::prefix).toList();
            s.resources.add(
                    NetworkTypes.SUBNET, new Subnet(id, name, vnetId, cidrs, nsg, routes, nat, endpoints, policies));
        }
        if (id != null && vnetId != null && !prefixes.isEmpty()) {
            s.placements.add(new Session.Placement(id, name, vnetId, prefixes));
        }
    }

    /**
     * A subnet's IPv4 prefixes: {@code addressPrefixes} (ARM's and az's key for a subnet with several prefixes, in
     * their order) or {@code addressPrefix} (the single one). IPv6 entries are warned and skipped, as everywhere. When
     * both keys are given, {@code addressPrefix} must be among {@code addressPrefixes}. A subnet's prefixes must not
     * overlap one another; the VNet space and sibling subnets are checked by {@link CrossChecks}. Neither key given: a
     * subnet the graph holds keeps its stored prefixes, with a warning (absent is not empty); a new one is a problem,
     * located at its {@code addressPrefix}, since a subnet without prefixes has no addresses.
     */
    private static List<Session.PlacedPrefix> prefixes(Session s, Res r, String owner, ResourceId id) {
        int before = s.problems.size();
        Field single = r.get("addressPrefix");
        Field plural = r.get("addressPrefixes");
        if (!single.present() && !plural.present() && id != null) {
            // Absent is not empty: a subnet the graph holds keeps its prefixes when the document states none.
            List<Cidr> stored = s.known.isPlaceholder(id)
                    ? null
                    : s.known.subnetPrefixes(List.of(id)).get(id);
            if (stored != null && !stored.isEmpty()) {
                s.warn(
                        single.path(),
                        owner + " has no addressPrefix or addressPrefixes key: it keeps its stored prefixes "
                                + Cidr.join(stored) + "; only a document that states them replaces them");
                return stored.stream()
                        .map(c -> new Session.PlacedPrefix(c, single.path(), "stored addressPrefix"))
                        .toList();
            }
        }
        List<Session.PlacedPrefix> many = new ArrayList<>();
        for (Field e : s.strings(plural)) {
            Optional<Cidr> c = NetworkReaders.block(s, e, e.node().asText().trim(), owner, false);
            if (c.isPresent() && many.stream().noneMatch(p -> p.prefix().equals(c.get()))) {
                many.add(new Session.PlacedPrefix(c.get(), e.path(), "addressPrefixes entry"));
            }
        }
        Optional<Cidr> one = s.text(single).flatMap(text -> NetworkReaders.block(s, single, text.trim(), owner, false));
        if (one.isPresent()
                && !many.isEmpty()
                && many.stream().noneMatch(p -> p.prefix().equals(one.get()))) {
            s.problem(
                    single.path(),
                    one.get().toString(),
                    "addressPrefix '" + one.get() + "' of " + owner + " is not among its addressPrefixes "
                            + many.stream().map(p -> p.prefix().toString()).toList()
                            + ": give one key, or make them agree");
        }
        List<Session.PlacedPrefix> out = !many.isEmpty()
                ? many
                : one.map(c -> List.of(new Session.PlacedPrefix(c, single.path(), "addressPrefix")))
                        .orElse(List.of());
        for (int i = 0; i < out.size(); i++) {
            for (int j = i + 1; j < out.size(); j++) {
                if (out.get(i).prefix().overlaps(out.get(j).prefix())) {
                    s.problem(
                            out.get(j).at(),
                            out.get(j).prefix().toString(),
                            "addressPrefixes of " + owner + ": " + out.get(i).prefix() + " and "
                                    + out.get(j).prefix() + " overlap; a subnet's prefixes must not overlap");
                }
            }
        }
        if (out.isEmpty() && s.problems.size() == before) {
            s.problem(
                    single.path(),
                    "",
                    "addressPrefix of " + owner + " is required: a subnet needs an IPv4 prefix (addressPrefix, or"
                            + " addressPrefixes when it has several)");
        }
        return out;
    }

    // ---- peerings --------------------------------------------------------------------------------------------

    /** A {@code Microsoft.Network/virtualNetworks/virtualNetworkPeerings} resource: its VNet is the parent in its id. */
    static void standalonePeering(Session s, Res r) {
        Header h = s.header(r, ResourceKind.PEERING);
        ResourceId vnet = null;
        if (h.id() != null) {
            vnet = Ids.parentOf(h.id(), "virtualNetworks", "virtualNetworkPeerings")
                    .orElse(null);
            if (vnet == null) {
                s.problem(
                        r.top("id").path(),
                        h.id().value(),
                        "id '" + h.id().value() + "' of peering " + h.label()
                                + " does not have the shape <virtual network id>/virtualNetworkPeerings/<name>");
            } else {
                s.derivedReference(
                        r.top("id").path(),
                        "virtual network of peering id",
                        vnet,
                        ResourceKind.VIRTUAL_NETWORK,
                        "peering " + h.label());
            }
        }
        peeringBody(s, r, h.id(), h.name(), vnet);
    }

    private static void peeringBody(Session s, Res r, ResourceId id, String name, ResourceId localVnet) {
        String owner = "peering " + (name != null ? "'" + name + "'" : "(unnamed)");
        int before = s.problems.size();
        Optional<ResourceId> remote =
                s.reference(r.get("remoteVirtualNetwork"), ResourceKind.VIRTUAL_NETWORK, true, owner);
        Field stateField = r.get("peeringState");
        PeeringState state = null;
        Optional<String> stateText =
                s.requiredText(stateField, owner + " needs its state (Initiated, Connected or Disconnected)");
        if (stateText.isPresent()) {
            try {
                state = PeeringState.parse(stateText.get());
            } catch (IllegalArgumentException e) {
                s.problem(stateField.path(), stateText.get(), "peeringState of " + owner + ": " + e.getMessage());
            }
        }
        boolean transit = s.bool(r.get("allowGatewayTransit"), false, owner);
        boolean useRemote = s.bool(r.get("useRemoteGateways"), false, owner);
        boolean forwarded = s.bool(r.get("allowForwardedTraffic"), false, owner);
        if (s.problems.size() == before && id != null && name != null && localVnet != null && remote.isPresent()) {
            s.resources.add(
                    NetworkTypes.PEERING,
                    new Peering(id, name, localVnet, remote.get(), state, transit, useRemote, forwarded));
        }
    }

    /**
     * {@code privateEndpointNetworkPolicies}: {@code Enabled}, {@code Disabled}, {@code NetworkSecurityGroupEnabled} or
     * {@code RouteTableEnabled}. A missing key is Azure's default ({@code Disabled}) for a subnet new to the graph, and
     * keeps the stored setting of one the graph has ({@link StatePart#PRIVATE_ENDPOINT_NETWORK_POLICIES}).
     */
    private static PrivateEndpointNetworkPolicies privateEndpointNetworkPolicies(
            Session s, Res r, ResourceId id, String owner) {
        Field f = r.get(StatePart.PRIVATE_ENDPOINT_NETWORK_POLICIES.field());
        if (!f.present()) {
            s.unstated(id, StatePart.PRIVATE_ENDPOINT_NETWORK_POLICIES);
            return PrivateEndpointNetworkPolicies.DISABLED;
        }
        if (!f.node().isTextual()) {
            s.text(f); // reports the wrong JSON type
            return PrivateEndpointNetworkPolicies.DISABLED;
        }
        try {
            return PrivateEndpointNetworkPolicies.parse(f.node().asText());
        } catch (IllegalArgumentException e) {
            s.problem(f.path(), f.node().asText(), f.name() + " of " + owner + ": " + e.getMessage());
            return PrivateEndpointNetworkPolicies.DISABLED;
        }
    }

    /**
     * {@code serviceEndpoints}: {@code [{service: "Microsoft.Storage", locations: ["westeurope"]}]}, flattened or under
     * {@code properties}. az omits the key when a subnet has none, so a missing key means none.
     */
    private static List<ServiceEndpoint> serviceEndpoints(Session s, Field f, String owner) {
        List<ServiceEndpoint> out = new ArrayList<>();
        for (Field e : s.array(f)) {
            if (!s.object(e)) {
                continue;
            }
            Res x = new Res(s, e.node(), e.path());
            Optional<String> service = s.requiredText(
                    x.get("service"),
                    "service of a service endpoint of " + owner + " is required (e.g. Microsoft.Storage)");
            List<String> locations = s.strings(x.get("locations")).stream()
                    .map(l -> l.node().asText().trim())
                    .toList();
            service.ifPresent(v -> out.add(new ServiceEndpoint(v.trim(), locations)));
        }
        return out;
    }
}
