package io.asegraph.importing;

import io.asegraph.importing.Session.Field;
import io.asegraph.importing.Session.Header;
import io.asegraph.importing.Session.Res;
import io.asegraph.net.InvalidAddressException;
import io.asegraph.net.Ipv4;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.NextHopType;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Route;
import io.asegraph.topology.RouteTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The reader for route tables and their routes: one route per prefix, next hop types a user route may have, and a
 * next hop address exactly when the hop is a virtual appliance. Shapes: azure-semantics §6.2 and §6.3;
 * {@code properties} nested (ARM) or flattened ({@code az network ... show}).
 */
final class RouteTableReader {
    private RouteTableReader() {}

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
}
