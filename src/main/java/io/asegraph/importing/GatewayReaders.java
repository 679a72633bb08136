package io.asegraph.importing;

import io.asegraph.importing.Session.Field;
import io.asegraph.importing.Session.Header;
import io.asegraph.importing.Session.Res;
import io.asegraph.net.Cidr;
import io.asegraph.topology.Connection;
import io.asegraph.topology.GatewayType;
import io.asegraph.topology.LocalNetworkGateway;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.VirtualNetworkGateway;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Readers for virtual network gateways (with learned routes), local network gateways and connections.
 * <ul>
 * <li>A gateway's VNet is the VNet of the subnet of its IP configuration, which must be {@code GatewaySubnet}.</li>
 * <li>{@code learnedRoutes} takes what {@code az network vnet-gateway list-learned-routes} prints: an array of
 * {@code {network, nextHop, origin, asPath, ...}} or {@code {"value": [...]}}, or a plain array of prefixes. Entries
 * of origin {@code Network} are the gateway's own VNet space and static local-site prefixes, already modelled by
 * the VNet and the connections; they are skipped. Repeated prefixes (learned from several peers) are kept once.</li>
 * <li>ExpressRoute connections are skipped with a warning: what a circuit advertises reaches the model as the
 * gateway's learned routes.</li>
 * </ul>
 */
final class GatewayReaders {
    private GatewayReaders() {}

    static void virtualNetworkGateway(Session s, Res r) {
        Header h = s.header(r, ResourceKind.VIRTUAL_NETWORK_GATEWAY);
        String owner = "virtual network gateway " + h.label();
        int before = s.problems.size();
        Field typeField = r.get("gatewayType");
        GatewayType type = GatewayType.VPN;
        Optional<String> typeText = s.text(typeField);
        if (typeText.isPresent()) {
            try {
                type = GatewayType.parse(typeText.get());
            } catch (IllegalArgumentException e) {
                s.problem(
                        typeField.path(), typeText.get(), "gatewayType of " + owner + " is invalid: " + e.getMessage());
            }
        }
        Field configsField = r.get("ipConfigurations");
        List<Field> configs = s.array(configsField);
        ResourceId vnet = null;
        if (configs.isEmpty()) {
            if (s.problems.size() == before) {
                s.problem(
                        configsField.path(),
                        configsField.node(),
                        "ipConfigurations of " + owner
                                + " is required: its subnet (GatewaySubnet) tells which virtual network it serves");
            }
        } else if (s.object(configs.get(0))) {
            Res c = new Res(s, configs.get(0).node(), configs.get(0).path());
            Field subnetField = c.get("subnet");
            Optional<ResourceId> subnet = s.reference(subnetField, ResourceKind.SUBNET, true, owner);
            if (subnet.isPresent()) {
                NodePath at = subnetField.get("id").path();
                vnet = Ids.vnetOfSubnet(subnet.get()).orElse(null);
                if (vnet == null) {
                    s.problem(
                            at,
                            subnet.get().value(),
                            "subnet.id '" + subnet.get().value() + "' of " + owner
                                    + " does not have the shape <virtual network id>/subnets/GatewaySubnet");
                } else if (!subnet.get().name().equalsIgnoreCase("GatewaySubnet")) {
                    s.problem(
                            at,
                            subnet.get().value(),
                            "subnet.id '" + subnet.get().value() + "' of " + owner + " names subnet '"
                                    + subnet.get().name() + "'; a gateway lives in the subnet named GatewaySubnet");
                } else {
                    // The gateway is stored in its VNet: exported alone, that VNet may be a placeholder too.
                    s.derivedReference(at, "subnet.id", vnet, ResourceKind.VIRTUAL_NETWORK, owner);
                }
            }
        }
        Optional<ResourceId> defaultSite =
                s.reference(r.get("gatewayDefaultSite"), ResourceKind.LOCAL_NETWORK_GATEWAY, false, owner);
        List<Cidr> learned = learnedRoutes(s, r.get("learnedRoutes"), owner);
        if (s.problems.size() == before && h.complete() && vnet != null) {
            s.resources.add(
                    NetworkTypes.VIRTUAL_NETWORK_GATEWAY,
                    new VirtualNetworkGateway(h.id(), h.name(), h.location(), vnet, type, defaultSite, learned));
        }
    }

    /** The learned prefixes in any of the accepted shapes. */
    static List<Cidr> learnedRoutes(Session s, Field f, String owner) {
        if (!f.present()) {
            return List.of();
        }
        Field list = f;
        if (f.node().isObject()) {
            list = f.get("value");
            if (!list.present()) {
                s.problem(
                        f.path(),
                        f.node(),
                        "learnedRoutes of " + owner
                                + " must be an array of routes or prefixes, or an object with a value array");
                return List.of();
            }
        }
        Set<Cidr> out = new LinkedHashSet<>();
        for (Field e : s.array(list)) {
            Field prefixField;
            if (e.present() && e.node().isTextual()) {
                prefixField = e;
            } else if (e.present() && e.node().isObject()) {
                Optional<String> origin = s.text(e.get("origin"));
                if (origin.isPresent() && origin.get().equalsIgnoreCase("Network")) {
                    continue;
                }
                prefixField = e.get("network");
                if (s.requiredText(prefixField, "a learned route of " + owner + " needs its prefix")
                        .isEmpty()) {
                    continue;
                }
            } else {
                s.problem(
                        e.path(),
                        e.node(),
                        "learnedRoutes of " + owner
                                + " must hold route objects {network, nextHop, origin, ...} or prefix strings, got "
                                + Session.kindOf(e.node()));
                continue;
            }
            String text = prefixField.node().asText().trim();
            Field named = new Field(
                    "learned route " + (prefixField == e ? "prefix" : "network"),
                    prefixField.node(),
                    prefixField.path());
            NetworkReaders.block(s, named, text, owner, false).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    static void localNetworkGateway(Session s, Res r) {
        Header h = s.header(r, ResourceKind.LOCAL_NETWORK_GATEWAY);
        String owner = "local network gateway " + h.label();
        int before = s.problems.size();
        Field space = r.get("localNetworkAddressSpace");
        s.object(space);
        List<Cidr> prefixes = NetworkReaders.blocks(s, space.get("addressPrefixes"), owner, false);
        Field ipField = r.get("gatewayIpAddress");
        Optional<String> ip = s.text(ipField);
        ip.ifPresent(text -> NetworkReaders.address(s, ipField, text, owner));
        if (s.problems.size() == before && h.complete()) {
            s.resources.add(
                    NetworkTypes.LOCAL_NETWORK_GATEWAY,
                    new LocalNetworkGateway(h.id(), h.name(), h.location(), prefixes, ip.orElse("")));
        }
    }

    static void connection(Session s, Res r) {
        Header h = s.header(r, ResourceKind.CONNECTION);
        String owner = "connection " + h.label();
        int before = s.problems.size();
        Field typeField = r.get("connectionType");
        Optional<String> typeText =
                s.requiredText(typeField, owner + " needs its type (IPsec, Vnet2Vnet or ExpressRoute)");
        String type = null;
        if (typeText.isPresent()) {
            switch (typeText.get().toLowerCase(Locale.ROOT)) {
                case "ipsec" -> type = "IPsec";
                case "vnet2vnet" -> type = "Vnet2Vnet";
                case "expressroute" -> type = "ExpressRoute";
                default -> s.problem(
                        typeField.path(),
                        typeText.get(),
                        "connectionType '" + typeText.get() + "' of " + owner
                                + " is not a connection type (IPsec, Vnet2Vnet or ExpressRoute)");
            }
        }
        if ("ExpressRoute".equals(type)) {
            s.warn(
                    r.path,
                    owner + " is an ExpressRoute connection and was not imported: import the gateway's learned"
                            + " routes (az network vnet-gateway list-learned-routes) to model what the circuit advertises");
            return;
        }
        Optional<ResourceId> gateway =
                s.reference(r.get("virtualNetworkGateway1"), ResourceKind.VIRTUAL_NETWORK_GATEWAY, true, owner);
        Field local = r.get("localNetworkGateway2");
        Field remote = r.get("virtualNetworkGateway2");
        Optional<ResourceId> peer = Optional.empty();
        if ("IPsec".equals(type)) {
            peer = s.reference(local, ResourceKind.LOCAL_NETWORK_GATEWAY, true, owner);
            if (remote.present()) {
                s.problem(
                        remote.path(),
                        remote.node(),
                        "virtualNetworkGateway2 of " + owner
                                + " is not allowed in an IPsec connection: its peer is localNetworkGateway2");
            }
        } else if ("Vnet2Vnet".equals(type)) {
            peer = s.reference(remote, ResourceKind.VIRTUAL_NETWORK_GATEWAY, true, owner);
            if (local.present()) {
                s.problem(
                        local.path(),
                        local.node(),
                        "localNetworkGateway2 of " + owner
                                + " is not allowed in a Vnet2Vnet connection: its peer is virtualNetworkGateway2");
            }
        }
        if (s.problems.size() == before && h.complete() && gateway.isPresent() && peer.isPresent()) {
            s.resources.add(NetworkTypes.CONNECTION, new Connection(h.id(), h.name(), type, gateway.get(), peer.get()));
        }
    }
}
