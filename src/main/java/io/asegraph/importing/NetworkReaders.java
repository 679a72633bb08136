package io.asegraph.importing;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.asegraph.topology.PublicIpAddress;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Readers for network interfaces, NAT gateways, public IP addresses and application security groups, and the address
 * helpers every reader uses (IPv4 blocks and addresses; IPv6 warned and skipped). Virtual networks, subnets and
 * peerings are {@link VirtualNetworkReaders}'s, route tables {@link RouteTableReader}'s. Shapes: azure-semantics §6.2
 * and §6.3; {@code properties} nested (ARM) or flattened ({@code az network ... show}).
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
        JsonNode flat = Session.value(config.node(), "primary");
        JsonNode nested = Session.value(Session.value(config.node(), "properties"), "primary");
        return (flat != null && flat.asBoolean(false)) || (nested != null && nested.asBoolean(false));
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
