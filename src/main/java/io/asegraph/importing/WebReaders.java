package io.asegraph.importing;

import io.asegraph.importing.Session.Field;
import io.asegraph.importing.Session.Header;
import io.asegraph.importing.Session.Res;
import io.asegraph.net.Cidr;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AseKind;
import io.asegraph.topology.Endpoint;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Readers for App Service Environments ({@code Microsoft.Web/hostingEnvironments}), apps ({@code Microsoft.Web/sites})
 * and asegraph's own public endpoints ({@code asegraph/endpoints}); azure-semantics §2.
 *
 * <p>An ASE's subnet is {@code virtualNetwork.id} + {@code virtualNetwork.subnet} (v1/v2: the id names the VNet and
 * {@code subnet} the subnet) or {@code virtualNetwork.id} alone when it is a subnet id (v3). Its addresses are what
 * {@code az appservice ase list-addresses} prints ({@code serviceIpAddress}, {@code internalIpAddress},
 * {@code outboundIpAddresses}, {@code vipMappings}), under {@code properties.addresses} or a top-level
 * {@code addresses}, and for an ASEv3 its networking configuration ({@code externalInboundIpAddresses},
 * {@code internalInboundIpAddresses}, {@code windowsOutboundIpAddresses}, {@code linuxOutboundIpAddresses}), under
 * {@code addresses} (what {@code list-addresses} prints for a v3) or {@code networkingConfiguration}, flattened or
 * with its own {@code properties} (ARM's GET): first external inbound address as VIP, first internal one as ILB
 * address, outbound lists merged, the Windows and Linux lists also kept apart.
 */
final class WebReaders {
    private static final Set<String> ILB_MODES =
            Set.of("none", "web", "publishing", "web,publishing", "publishing,web");

    private WebReaders() {}

    static void appServiceEnvironment(Session s, Res r) {
        Header h = s.header(r, ResourceKind.APP_SERVICE_ENVIRONMENT);
        String owner = "App Service Environment " + h.label();
        int before = s.problems.size();
        Field kindField = r.top("kind");
        AseKind kind = AseKind.ASEV1;
        Optional<String> kindText = s.text(kindField);
        if (kindText.isPresent()) {
            try {
                kind = AseKind.parse(kindText.get());
            } catch (IllegalArgumentException e) {
                s.problem(kindField.path(), kindText.get(), "kind of " + owner + " is invalid: " + e.getMessage());
            }
        }
        Field ilbField = r.get("internalLoadBalancingMode");
        Optional<String> ilb = s.text(ilbField);
        if (ilb.isPresent() && !ILB_MODES.contains(ilb.get().replace(" ", "").toLowerCase(Locale.ROOT))) {
            s.problem(
                    ilbField.path(),
                    ilb.get(),
                    "internalLoadBalancingMode '" + ilb.get() + "' of " + owner
                            + " is not one of None, Web, Publishing, 'Web, Publishing'");
        }
        ResourceId subnet = subnetOf(s, r, owner);

        Field addresses = r.get("addresses");
        Field networking = r.get("networkingConfiguration");
        Addresses read = new Addresses();
        if (s.object(addresses)) {
            // list-addresses prints the fields flat; ARM's GetVipInfo nests them under properties
            Res given = new Res(s, addresses.node(), addresses.path());
            read.from(s, given::get, owner);
        }
        boolean statesNetworking = false;
        if (s.object(networking)) {
            Res config = new Res(s, networking.node(), networking.path());
            statesNetworking = NETWORKING_ADDRESSES.stream().anyMatch(config::states);
            read.from(s, config::get, owner);
        }
        if (!addresses.present() && !statesNetworking) {
            s.unstated(h.id(), StatePart.ADDRESSES);
            s.warn(
                    r.path,
                    owner + " has no addresses (az appservice ase list-addresses, or networkingConfiguration as ARM"
                            + " returns an ASEv3): the addresses already stored for it are kept; an ASE new to the"
                            + " graph has no known public VIP or outbound addresses");
        }
        Optional<Long> vip = read.vip;
        Optional<Long> internal = read.internal;
        NodePath internalAt = read.internalAt;
        if (internal.isPresent() && subnet != null) {
            s.addressChecks.add(
                    new Session.AddressCheck(subnet, internal.get(), internalAt, "internal address", owner));
        }
        if (s.problems.size() == before && h.complete() && subnet != null) {
            s.resources.add(
                    NetworkTypes.APP_SERVICE_ENVIRONMENT,
                    new AppServiceEnvironment(
                            h.id(),
                            h.name(),
                            h.location(),
                            kind,
                            ilb.orElse(null),
                            subnet,
                            vip,
                            read.outbound,
                            internal,
                            read.windows,
                            read.linux));
        }
    }

    /** The ASE's subnet id in either shape, recorded as a reference to a subnet. */
    private static ResourceId subnetOf(Session s, Res r, String owner) {
        Field vnet = r.get("virtualNetwork");
        if (!vnet.present()) {
            s.problem(vnet.path(), "", "virtualNetwork of " + owner + " is required: an ASE is deployed in a subnet");
            return null;
        }
        if (!s.object(vnet)) {
            return null;
        }
        Field idField = vnet.get("id");
        Optional<String> id =
                s.requiredText(idField, owner + " names its virtual network or subnet in virtualNetwork.id");
        Field subnetField = vnet.get("subnet");
        Optional<String> subnetName = s.text(subnetField);
        if (id.isEmpty()) {
            return null;
        }
        ResourceId given = ResourceId.of(id.get());
        ResourceId subnet;
        if (Ids.vnetOfSubnet(given).isPresent()) {
            subnet = given;
            if (subnetName.isPresent() && !subnetName.get().equalsIgnoreCase(given.name())) {
                s.problem(
                        subnetField.path(),
                        subnetName.get(),
                        "virtualNetwork.subnet '" + subnetName.get() + "' of " + owner
                                + " contradicts virtualNetwork.id, which names subnet '" + given.name() + "'");
                return null;
            }
        } else if (subnetName.isPresent()) {
            subnet = given.child("subnets", subnetName.get());
        } else {
            s.problem(
                    subnetField.path(),
                    "",
                    "virtualNetwork.subnet of " + owner + " is required: virtualNetwork.id '" + id.get()
                            + "' names a virtual network, not a subnet");
            return null;
        }
        s.derivedReference(idField.path(), "subnet (from virtualNetwork)", subnet, ResourceKind.SUBNET, owner);
        return subnet;
    }

    /** The keys of a v3 networking configuration that state the ASE's addresses. */
    private static final List<String> NETWORKING_ADDRESSES = List.of(
            "externalInboundIpAddresses",
            "internalInboundIpAddresses",
            "windowsOutboundIpAddresses",
            "linuxOutboundIpAddresses");

    /**
     * An ASE's addresses gathered from every shape that states them: {@code az appservice ase list-addresses} and
     * ARM's GetVipInfo ({@code serviceIpAddress}, {@code internalIpAddress}, {@code outboundIpAddresses},
     * {@code vipMappings}) and the v3 networking configuration ({@code externalInboundIpAddresses},
     * {@code internalInboundIpAddresses}, {@code windowsOutboundIpAddresses}, {@code linuxOutboundIpAddresses}).
     * The first inbound address read is the VIP (or ILB address); the outbound addresses are the union of the lists.
     */
    private static final class Addresses {
        Optional<Long> vip = Optional.empty();
        Optional<Long> internal = Optional.empty();
        NodePath internalAt;
        final List<Long> outbound = new ArrayList<>();
        final List<Long> windows = new ArrayList<>();
        final List<Long> linux = new ArrayList<>();

        void from(Session s, Function<String, Field> get, String owner) {
            vip = first(s, vip, get.apply("serviceIpAddress"), get.apply("externalInboundIpAddresses"), owner);
            Field single = get.apply("internalIpAddress");
            Field list = get.apply("internalInboundIpAddresses");
            Optional<Long> before = internal;
            internal = first(s, internal, single, list, owner);
            if (before.isEmpty() && internal.isPresent()) {
                internalAt = single.present() ? single.path() : list.path();
            }
            addAll(s, get.apply("outboundIpAddresses"), owner, outbound);
            addAll(s, get.apply("windowsOutboundIpAddresses"), owner, outbound, windows);
            addAll(s, get.apply("linuxOutboundIpAddresses"), owner, outbound, linux);
            for (Field m : s.array(get.apply("vipMappings"))) {
                if (s.object(m)) {
                    Field ip = m.get("virtualIp");
                    s.requiredText(ip, "every VIP mapping of " + owner + " names its virtual IP")
                            .ifPresent(text -> NetworkReaders.address(s, ip, text, owner));
                }
            }
        }

        @SafeVarargs
        private static void addAll(Session s, Field list, String owner, List<Long>... into) {
            for (Field e : s.strings(list)) {
                NetworkReaders.address(s, e, e.node().asText().trim(), owner).ifPresent(a -> {
                    for (List<Long> l : into) {
                        if (!l.contains(a)) {
                            l.add(a);
                        }
                    }
                });
            }
        }

        /** {@code found}, else the address in {@code single}, else the first address of the array {@code list}. */
        private static Optional<Long> first(Session s, Optional<Long> found, Field single, Field list, String owner) {
            Optional<Long> out = found;
            OptionalLong a = NetworkReaders.address(s, single, owner);
            if (out.isEmpty() && a.isPresent()) {
                out = Optional.of(a.getAsLong());
            }
            for (Field e : s.strings(list)) {
                OptionalLong b = NetworkReaders.address(s, e, e.node().asText().trim(), owner);
                if (out.isEmpty() && b.isPresent()) {
                    out = Optional.of(b.getAsLong());
                }
            }
            return out;
        }
    }

    static void app(Session s, Res r) {
        Header h = s.header(r, ResourceKind.APP);
        String owner = "app " + h.label();
        int before = s.problems.size();
        Field profile = r.get("hostingEnvironmentProfile");
        if (!profile.present()) {
            s.warn(
                    r.path,
                    owner + " has no hostingEnvironmentProfile: it is not hosted on an App Service Environment"
                            + " and was not imported");
            return;
        }
        Optional<ResourceId> ase = s.reference(profile, ResourceKind.APP_SERVICE_ENVIRONMENT, true, owner);
        String defaultHostName = s.text(r.get("defaultHostName")).orElse("");
        List<String> hostNames = new ArrayList<>();
        for (Field e : s.strings(r.get("hostNames"))) {
            String host = e.node().asText().trim();
            if (!hostNames.contains(host)) {
                hostNames.add(host);
            }
        }
        if (s.problems.size() == before && h.complete() && ase.isPresent()) {
            s.resources.add(NetworkTypes.APP, new App(h.id(), h.name(), ase.get(), defaultHostName, hostNames));
        }
    }

    /**
     * An {@code asegraph/endpoints} entry: {@code name}, {@code addresses} (IPv4 addresses or blocks),
     * {@code location}, optional {@code serviceTag}; at the top level or under {@code properties}. Without an
     * {@code id} the endpoint's id is {@code /asegraph/endpoints/<name>}.
     */
    static void endpoint(Session s, Res r) {
        int before = s.problems.size();
        Optional<String> name = s.requiredText(r.top("name"), "every endpoint needs a name");
        Field idField = r.top("id");
        Optional<String> idText = s.text(idField);
        ResourceId id = null;
        if (idText.isPresent()) {
            id = s.resourceId(idField, idText.get()).orElse(null);
        } else if (name.isPresent()) {
            id = ResourceId.of("/asegraph/endpoints/" + name.get());
        }
        String owner = "endpoint " + name.map(n -> "'" + n + "'").orElse("(unnamed)");
        if (id != null) {
            s.declare(id, ResourceKind.ENDPOINT, r.path, name.orElse(id.name()));
        }
        Field addressesField = r.get("addresses");
        List<Cidr> addresses = new ArrayList<>();
        for (Field e : s.strings(addressesField)) {
            NetworkReaders.block(s, e, e.node().asText().trim(), owner, true)
                    .filter(c -> !addresses.contains(c))
                    .ifPresent(addresses::add);
        }
        if (addresses.isEmpty() && s.problems.size() == before) {
            s.problem(
                    addressesField.path(),
                    addressesField.node(),
                    "addresses of " + owner
                            + " is required: an endpoint needs at least one IPv4 address or CIDR block");
        }
        String location = Syntax.location(s.text(r.get("location")).orElse(""));
        Field tagField = r.get("serviceTag");
        Optional<String> tag = s.text(tagField);
        if (tag.isPresent() && !Syntax.isTagName(tag.get())) {
            s.problem(
                    tagField.path(),
                    tag.get(),
                    "serviceTag '" + tag.get() + "' of " + owner + " is not a service tag name (such as Sql.WestUS)");
        }
        if (s.problems.size() == before && id != null && name.isPresent()) {
            s.resources.add(NetworkTypes.ENDPOINT, new Endpoint(id, name.get(), location, addresses, tag));
        }
    }
}
