package io.asegraph.importing;

import io.asegraph.importing.Session.Field;
import io.asegraph.importing.Session.Header;
import io.asegraph.importing.Session.Res;
import io.asegraph.net.Cidr;
import io.asegraph.net.InvalidAddressException;
import io.asegraph.net.Ipv4;
import io.asegraph.policy.ApplicationSecurityGroup;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.topology.NatGateway;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.NextHopType;
import io.asegraph.topology.Peering;
import io.asegraph.topology.PeeringState;
import io.asegraph.topology.PublicIpAddress;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Route;
import io.asegraph.topology.RouteTable;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.VirtualNetwork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Readers for virtual networks (with embedded subnets and peerings), standalone subnets and peerings, route tables,
 * network interfaces, NAT gateways, public IP addresses and application security groups. Shapes: azure-semantics
 * §6.2 and §6.3; {@code properties} nested (ARM) or flattened ({@code az network ... show}).
 */
final class NetworkReaders {
    private NetworkReaders() {}

    // ---- shared address helpers ------------------------------------------------------------------------------

    /** A block (or, with {@code addressAllowed}, an address as /32) from a string field; IPv6 is warned and skipped. */
    static Optional<Cidr> block(Session s, Field f, String text, String owner, boolean addressAllowed) {
        if (Syntax.isIpv6(text)) {
            s.warn(
                    f.path(),
                    f.name() + " '" + text + "' of " + owner + " is IPv6 and was ignored: only IPv4 is modelled");
            return Optional.empty();
        }
        try {
            return Optional.of(addressAllowed ? Syntax.addressOrBlock(text) : Syntax.block(text));
        } catch (InvalidAddressException e) {
            s.problem(f.path(), text, f.name() + " of " + owner + " is invalid: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** The IPv4 blocks of an array of prefix strings. */
    static List<Cidr> blocks(Session s, Field array, String owner, boolean addressAllowed) {
        Set<Cidr> out = new LinkedHashSet<>();
        for (Field e : s.strings(array)) {
            block(s, e, e.node().asText().trim(), owner, addressAllowed).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /** An IPv4 address from an optional string field; IPv6 is warned and skipped. */
    static OptionalLong address(Session s, Field f, String owner) {
        Optional<String> text = s.text(f);
        return text.isPresent() ? address(s, f, text.get(), owner) : OptionalLong.empty();
    }

    static OptionalLong address(Session s, Field f, String text, String owner) {
        if (Syntax.isIpv6(text)) {
            s.warn(
                    f.path(),
                    f.name() + " '" + text + "' of " + owner + " is IPv6 and was ignored: only IPv4 is modelled");
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Ipv4.parse(text));
        } catch (InvalidAddressException e) {
            s.problem(f.path(), text, f.name() + " of " + owner + " is not an IPv4 address: " + e.getMessage());
            return OptionalLong.empty();
        }
    }

    // ---- virtual networks and subnets ------------------------------------------------------------------------

    static void virtualNetwork(Session s, Res r) {
        Header h = s.header(r, ResourceKind.VIRTUAL_NETWORK);
        String owner = "virtual network " + h.label();
        int before = s.problems.size();
        Field space = r.get("addressSpace");
        s.object(space);
        Field prefixesField = space.get("addressPrefixes");
        List<Cidr> prefixes = blocks(s, prefixesField, owner, false);
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
        Field single = r.get("addressPrefix");
        Field plural = r.get("addressPrefixes");
        List<Cidr> prefixes = new ArrayList<>();
        NodePath prefixAt = single.path();
        Optional<String> text = s.text(single);
        if (text.isPresent()) {
            block(s, single, text.get(), owner, false).ifPresent(prefixes::add);
        }
        List<Field> many = s.strings(plural);
        for (Field e : many) {
            Optional<Cidr> c = block(s, e, e.node().asText().trim(), owner, false);
            if (c.isPresent() && !prefixes.contains(c.get())) {
                prefixes.add(c.get());
                if (text.isEmpty()) {
                    prefixAt = e.path();
                }
            }
        }
        if (prefixes.isEmpty() && s.problems.size() == before) {
            s.problem(single.path(), "", "addressPrefix of " + owner + " is required: a subnet needs an IPv4 prefix");
        } else if (prefixes.size() > 1) {
            s.problem(
                    plural.present() ? plural.path() : single.path(),
                    Session.show(plural.node()),
                    "addressPrefixes of "
                            + owner + " holds " + prefixes.size() + " IPv4 prefixes " + prefixes
                            + "; subnets with several prefixes are not modelled");
        }
        Optional<ResourceId> nsg =
                s.reference(r.get("networkSecurityGroup"), ResourceKind.NETWORK_SECURITY_GROUP, false, owner);
        Optional<ResourceId> routes = s.reference(r.get("routeTable"), ResourceKind.ROUTE_TABLE, false, owner);
        Optional<ResourceId> nat = s.reference(r.get("natGateway"), ResourceKind.NAT_GATEWAY, false, owner);
        if (s.problems.size() == before && id != null && name != null && vnetId != null && prefixes.size() == 1) {
            s.resources.add(NetworkTypes.SUBNET, new Subnet(id, name, vnetId, prefixes.get(0), nsg, routes, nat));
        }
        if (id != null && vnetId != null && prefixes.size() == 1) {
            s.placements.add(new Session.Placement(id, name, vnetId, prefixes.get(0), prefixAt));
        }
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

    // ---- route tables ----------------------------------------------------------------------------------------

    static void routeTable(Session s, Res r) {
        Header h = s.header(r, ResourceKind.ROUTE_TABLE);
        String tableOwner = "route table " + h.label();
        int before = s.problems.size();
        boolean disable = s.bool(r.get("disableBgpRoutePropagation"), false, tableOwner);
        if (!r.states(StatePart.BGP_ROUTE_PROPAGATION.field())) {
            s.unstated(h.id(), StatePart.BGP_ROUTE_PROPAGATION);
        }
        if (!r.states(StatePart.ROUTES.field())) {
            s.unstated(h.id(), StatePart.ROUTES);
        }
        List<Route> routes = new ArrayList<>();
        Map<String, NodePath> names = new HashMap<>();
        Map<String, NodePath> prefixes = new HashMap<>();
        for (Field e : s.array(r.get("routes"))) {
            if (!s.object(e)) {
                continue;
            }
            Res rr = new Res(s, e.node(), e.path());
            int routeBefore = s.problems.size();
            Optional<String> name = s.requiredText(rr.top("name"), "every route needs a name");
            String owner = "route " + name.map(n -> "'" + n + "'").orElse("(unnamed)") + " of " + tableOwner;
            name.ifPresent(n -> {
                NodePath first = names.putIfAbsent(
                        n.toLowerCase(Locale.ROOT), rr.top("name").path());
                if (first != null) {
                    s.problem(
                            rr.top("name").path(),
                            n,
                            "name '" + n + "' is used by two routes of " + tableOwner + " (also at " + first + ")");
                }
            });
            Field prefixField = rr.get("addressPrefix");
            Optional<String> prefix =
                    s.requiredText(prefixField, owner + " needs a destination CIDR block or service tag");
            boolean ipv6 = false;
            if (prefix.isPresent()) {
                String p = prefix.get();
                String key = null;
                if (Syntax.isIpv6(p)) {
                    ipv6 = true;
                    s.warn(
                            prefixField.path(),
                            "addressPrefix '" + p + "' of " + owner
                                    + " is IPv6; the route was ignored: only IPv4 is modelled");
                } else if (Character.isDigit(p.charAt(0))) {
                    try {
                        key = Syntax.block(p).toString();
                    } catch (InvalidAddressException ex) {
                        s.problem(
                                prefixField.path(), p, "addressPrefix of " + owner + " is invalid: " + ex.getMessage());
                    }
                } else if (Syntax.isTagName(p)) {
                    key = p.toLowerCase(Locale.ROOT);
                } else {
                    s.problem(
                            prefixField.path(),
                            p,
                            "addressPrefix of " + owner + " is invalid: '" + p
                                    + "' is neither a CIDR block nor a service tag name");
                }
                if (key != null) {
                    NodePath first = prefixes.putIfAbsent(key, prefixField.path());
                    if (first != null) {
                        s.problem(
                                prefixField.path(),
                                p,
                                "addressPrefix '" + p + "' of " + owner
                                        + " is already the prefix of another route in the table (at " + first
                                        + "); Azure allows one route per prefix");
                    }
                }
            }
            Field typeField = rr.get("nextHopType");
            NextHopType type = null;
            Optional<String> typeText = s.requiredText(
                    typeField,
                    owner
                            + " needs a next hop type (VirtualNetworkGateway, VnetLocal, Internet, VirtualAppliance or None)");
            if (typeText.isPresent()) {
                try {
                    type = NextHopType.parse(typeText.get());
                    if (type == NextHopType.VNET_PEERING) {
                        s.problem(
                                typeField.path(),
                                typeText.get(),
                                "nextHopType '" + typeText.get() + "' of " + owner
                                        + " is not allowed in a user route (VirtualNetworkGateway, VnetLocal, Internet,"
                                        + " VirtualAppliance or None)");
                        type = null;
                    }
                } catch (IllegalArgumentException ex) {
                    s.problem(typeField.path(), typeText.get(), "nextHopType of " + owner + ": " + ex.getMessage());
                }
            }
            Field hopField = rr.get("nextHopIpAddress");
            Optional<String> hop = s.text(hopField);
            Optional<Long> hopAddress = Optional.empty();
            if (type == NextHopType.VIRTUAL_APPLIANCE) {
                if (hop.isEmpty()) {
                    s.problem(
                            hopField.path(),
                            hopField.node(),
                            "nextHopIpAddress of " + owner + " is required when nextHopType is VirtualAppliance");
                } else {
                    try {
                        hopAddress = Optional.of(Ipv4.parse(hop.get()));
                    } catch (InvalidAddressException ex) {
                        s.problem(
                                hopField.path(),
                                hop.get(),
                                "nextHopIpAddress of " + owner + " must be an IPv4 address: " + ex.getMessage());
                    }
                }
            } else if (type != null && hop.isPresent()) {
                s.problem(
                        hopField.path(),
                        hop.get(),
                        "nextHopIpAddress '" + hop.get() + "' of " + owner
                                + " is only allowed when nextHopType is VirtualAppliance (here it is "
                                + type.azureName() + ")");
            }
            if (s.problems.size() == routeBefore && !ipv6 && name.isPresent()) {
                routes.add(new Route(name.get(), prefix.get(), type, hopAddress));
            }
        }
        if (s.problems.size() == before && h.complete()) {
            s.resources.add(NetworkTypes.ROUTE_TABLE, new RouteTable(h.id(), h.name(), h.location(), disable, routes));
        }
    }

    // ---- network interfaces ----------------------------------------------------------------------------------

    static void networkInterface(Session s, Res r) {
        Header h = s.header(r, ResourceKind.NETWORK_INTERFACE);
        String owner = "network interface " + h.label();
        int before = s.problems.size();
        Field configsField = r.get("ipConfigurations");
        List<Field> configs = s.array(configsField);
        Field primary = configs.stream()
                .filter(NetworkReaders::isPrimary)
                .findFirst()
                .orElse(configs.isEmpty() ? null : configs.get(0));
        long address = -1;
        Optional<ResourceId> subnet = Optional.empty();
        Optional<ResourceId> publicIp = Optional.empty();
        List<ResourceId> asgs = new ArrayList<>();
        NodePath addressAt = null;
        if (primary == null) {
            if (s.problems.size() == before) {
                s.problem(
                        configsField.path(),
                        configsField.node(),
                        "ipConfigurations of " + owner
                                + " is required: a network interface needs at least one IP configuration");
            }
        } else if (s.object(primary)) {
            Res c = new Res(s, primary.node(), primary.path());
            Field ipField = c.get("privateIPAddress");
            addressAt = ipField.path();
            Optional<String> ip =
                    s.requiredText(ipField, owner + " needs the private address of its primary IP configuration");
            if (ip.isPresent()) {
                try {
                    address = Ipv4.parse(ip.get());
                } catch (InvalidAddressException e) {
                    s.problem(
                            ipField.path(),
                            ip.get(),
                            "privateIPAddress of " + owner + " is not an IPv4 address: " + e.getMessage());
                }
            }
            subnet = s.reference(c.get("subnet"), ResourceKind.SUBNET, true, owner);
            publicIp = s.reference(c.get("publicIPAddress"), ResourceKind.PUBLIC_IP_ADDRESS, false, owner);
            for (Field a : s.array(c.get("applicationSecurityGroups"))) {
                s.reference(a, ResourceKind.APPLICATION_SECURITY_GROUP, true, owner)
                        .ifPresent(asgs::add);
            }
        }
        if (configs.size() > 1) {
            s.warn(
                    configsField.path(),
                    owner + " has " + configs.size() + " IP configurations; only the primary one is modelled");
        }
        Optional<ResourceId> nsg =
                s.reference(r.get("networkSecurityGroup"), ResourceKind.NETWORK_SECURITY_GROUP, false, owner);
        String vm = "";
        Field vmField = r.get("virtualMachine");
        if (s.object(vmField)) {
            vm = s.text(vmField.get("id")).orElse("");
        }
        if (subnet.isPresent() && address >= 0) {
            s.addressChecks.add(new Session.AddressCheck(subnet.get(), address, addressAt, "privateIPAddress", owner));
        }
        if (s.problems.size() == before && h.complete() && subnet.isPresent() && address >= 0) {
            s.resources.add(
                    NetworkTypes.NETWORK_INTERFACE,
                    new NetworkInterface(
                            h.id(),
                            h.name(),
                            h.location(),
                            subnet.get(),
                            address,
                            nsg,
                            asgs,
                            publicIp.map(List::of).orElse(List.of()),
                            vm));
        }
    }

    /** An IP configuration flagged {@code primary: true} (nested under properties or flattened). */
    private static boolean isPrimary(Field config) {
        if (!config.present() || !config.node().isObject()) {
            return false;
        }
        return config.node().path("primary").asBoolean(false)
                || config.node().path("properties").path("primary").asBoolean(false);
    }

    // ---- NAT gateways, public IPs, ASGs ----------------------------------------------------------------------

    static void natGateway(Session s, Res r) {
        Header h = s.header(r, ResourceKind.NAT_GATEWAY);
        String owner = "NAT gateway " + h.label();
        int before = s.problems.size();
        List<ResourceId> ips = new ArrayList<>();
        for (Field e : s.array(r.get("publicIpAddresses"))) {
            s.reference(e, ResourceKind.PUBLIC_IP_ADDRESS, true, owner).ifPresent(ips::add);
        }
        Field prefixes = r.get("publicIpPrefixes");
        if (prefixes.present() && prefixes.node().isArray() && !prefixes.node().isEmpty()) {
            s.warn(
                    prefixes.path(),
                    owner + " uses public IP prefixes; they are not modelled, only publicIpAddresses are");
        }
        if (s.problems.size() == before && h.complete()) {
            s.resources.add(NetworkTypes.NAT_GATEWAY, new NatGateway(h.id(), h.name(), h.location(), ips));
        }
    }

    static void publicIpAddress(Session s, Res r) {
        Header h = s.header(r, ResourceKind.PUBLIC_IP_ADDRESS);
        int before = s.problems.size();
        OptionalLong ip = address(s, r.get("ipAddress"), "public IP address " + h.label());
        if (s.problems.size() == before && h.complete()) {
            s.resources.add(
                    NetworkTypes.PUBLIC_IP_ADDRESS,
                    new PublicIpAddress(
                            h.id(),
                            h.name(),
                            h.location(),
                            ip.isPresent() ? Optional.of(ip.getAsLong()) : Optional.empty()));
        }
    }

    static void applicationSecurityGroup(Session s, Res r) {
        Header h = s.header(r, ResourceKind.APPLICATION_SECURITY_GROUP);
        if (h.complete()) {
            s.resources.add(
                    PolicyTypes.APPLICATION_SECURITY_GROUP,
                    new ApplicationSecurityGroup(h.id(), h.name(), h.location()));
        }
    }
}
