package io.asegraph.importing;

import com.fasterxml.jackson.core.JsonGenerator;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortRange;
import io.asegraph.policy.ApplicationSecurityGroup;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.SecurityRule;
import io.asegraph.policy.ServiceTag;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.Connection;
import io.asegraph.topology.Endpoint;
import io.asegraph.topology.FirewallPolicy;
import io.asegraph.topology.FirewallRule;
import io.asegraph.topology.FirewallRuleCollection;
import io.asegraph.topology.FirewallRuleCollection.Kind;
import io.asegraph.topology.FirewallRuleCollectionGroup;
import io.asegraph.topology.IpGroup;
import io.asegraph.topology.LocalNetworkGateway;
import io.asegraph.topology.NatGateway;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Peering;
import io.asegraph.topology.PrivateEndpoint;
import io.asegraph.topology.PublicIpAddress;
import io.asegraph.topology.Resource;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.Route;
import io.asegraph.topology.RouteTable;
import io.asegraph.topology.ServiceEndpoint;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.VirtualNetwork;
import io.asegraph.topology.VirtualNetworkGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The inverse of {@link ImportParser} for a whole estate (the backup {@code GET /export} writes): each domain record
 * written as {@code az ... show} prints its resource (ARM shape, {@code properties} nested), one at a time onto a
 * streaming {@link JsonGenerator}, so that parsing the output gives the same records back. The document is one JSON
 * array: every resource, then (when the estate holds any) one Service Tags file object {@code {changeNumber, values}}
 * with the tags, which {@link ImportParser} accepts inside an array; one {@code POST /import} restores both.
 *
 * <p>Where the az shape has alternatives, the one that restores the record exactly is written: subnets and peerings as
 * standalone resources ({@code az network vnet subnet show}: a subnet of a VNet that is only a placeholder restores
 * the same way), an ASE's addresses as {@code addresses} (list-addresses), a policy's filter collection split by rule
 * type joined again. What the store does not keep is not invented, with two documented exceptions: a private endpoint's
 * target keeps only the last segment of its private link service id, which is written as that id; and a service tag
 * keeps only the count of its IPv6 prefixes, so that many prefixes of the documentation range {@code 2001:db8::/32}
 * are written to restore the count. Placeholders (referenced, never imported) are not written: the references to them
 * are, and an import recreates them.
 */
public final class AzExport implements AutoCloseable {
    private final JsonGenerator json;
    private boolean inServiceTags;
    private long resources;
    private long serviceTags;

    /** Starts the document (the array) on {@code json}. */
    public AzExport(JsonGenerator json) {
        this.json = json;
        io(() -> json.writeStartArray());
    }

    /** Resources written so far (service tags not counted). */
    public long resources() {
        return resources;
    }

    /** Service tags written so far. */
    public long serviceTags() {
        return serviceTags;
    }

    /** Writes one record of the estate: a resource of any kind, or a service tag (after every resource). */
    public void write(Object record) {
        io(() -> {
            if (record instanceof ServiceTag t) {
                serviceTag(t);
                return;
            }
            if (inServiceTags) {
                throw new IllegalStateException("resources must be written before the service tags");
            }
            resources++;
            resource(record);
            if (!(record instanceof Endpoint)) {
                json.writeEndObject(); // properties
            }
            json.writeEndObject();
        });
    }

    /** Ends the document; the generator is flushed, not closed. */
    @Override
    public void close() {
        io(() -> {
            if (inServiceTags) {
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.flush();
        });
    }

    // ---- one writer per kind -----------------------------------------------------------------------------------

    private void resource(Object record) throws IOException {
        if (record instanceof VirtualNetwork) {
            virtualNetwork((VirtualNetwork) record);
        } else if (record instanceof Subnet) {
            subnet((Subnet) record);
        } else if (record instanceof Peering) {
            peering((Peering) record);
        } else if (record instanceof NetworkSecurityGroup) {
            nsg((NetworkSecurityGroup) record);
        } else if (record instanceof RouteTable) {
            routeTable((RouteTable) record);
        } else if (record instanceof NetworkInterface) {
            nic((NetworkInterface) record);
        } else if (record instanceof ApplicationSecurityGroup) {
            begin((ApplicationSecurityGroup) record, ResourceKind.APPLICATION_SECURITY_GROUP);
        } else if (record instanceof NatGateway) {
            natGateway((NatGateway) record);
        } else if (record instanceof PublicIpAddress) {
            publicIp((PublicIpAddress) record);
        } else if (record instanceof VirtualNetworkGateway) {
            vnetGateway((VirtualNetworkGateway) record);
        } else if (record instanceof LocalNetworkGateway) {
            localGateway((LocalNetworkGateway) record);
        } else if (record instanceof Connection) {
            connection((Connection) record);
        } else if (record instanceof AppServiceEnvironment) {
            ase((AppServiceEnvironment) record);
        } else if (record instanceof App) {
            app((App) record);
        } else if (record instanceof Endpoint) {
            endpoint((Endpoint) record);
        } else if (record instanceof AzureFirewall) {
            firewall((AzureFirewall) record);
        } else if (record instanceof FirewallPolicy) {
            firewallPolicy((FirewallPolicy) record);
        } else if (record instanceof IpGroup) {
            ipGroup((IpGroup) record);
        } else if (record instanceof PrivateEndpoint) {
            privateEndpoint((PrivateEndpoint) record);
        } else if (record instanceof FirewallRuleCollectionGroup) {
            ruleCollectionGroup((FirewallRuleCollectionGroup) record);
        } else {
            throw new IllegalArgumentException(record.getClass().getSimpleName() + " is no resource of the estate");
        }
    }

    /** The resource's head ({@code name, id, type, location}) and the start of its {@code properties}. */
    private void begin(Resource r, ResourceKind kind) throws IOException {
        head(r, kind);
        json.writeObjectFieldStart("properties");
    }

    private void head(Resource r, ResourceKind kind) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", r.name());
        json.writeStringField("id", r.id().value());
        json.writeStringField("type", kind.armType());
        String location = r.location();
        if (!location.isEmpty()) {
            json.writeStringField("location", location);
        }
    }

    private void virtualNetwork(VirtualNetwork v) throws IOException {
        begin(v, ResourceKind.VIRTUAL_NETWORK);
        json.writeObjectFieldStart("addressSpace");
        cidrs("addressPrefixes", v.addressSpace());
        json.writeEndObject();
        // Its subnets and peerings follow as resources of their own; the VNet does not state them.
    }

    private void subnet(Subnet s) throws IOException {
        begin(s, ResourceKind.SUBNET);
        if (s.prefixes().size() == 1) {
            json.writeStringField("addressPrefix", s.prefixes().get(0).toString());
        } else {
            cidrs("addressPrefixes", s.prefixes());
        }
        reference("networkSecurityGroup", s.nsgId());
        reference("routeTable", s.routeTableId());
        reference("natGateway", s.natGatewayId());
        json.writeArrayFieldStart("serviceEndpoints");
        for (ServiceEndpoint e : s.serviceEndpoints()) {
            json.writeStartObject();
            json.writeStringField("service", e.service());
            strings("locations", e.locations());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField(
                "privateEndpointNetworkPolicies",
                s.privateEndpointNetworkPolicies().azureName());
    }

    private void peering(Peering p) throws IOException {
        begin(p, ResourceKind.PEERING);
        reference("remoteVirtualNetwork", p.remoteVnetId());
        json.writeStringField("peeringState", p.state().azureName());
        json.writeBooleanField("allowGatewayTransit", p.allowGatewayTransit());
        json.writeBooleanField("useRemoteGateways", p.useRemoteGateways());
        json.writeBooleanField("allowForwardedTraffic", p.allowForwardedTraffic());
    }

    private void nsg(NetworkSecurityGroup n) throws IOException {
        head(n, ResourceKind.NETWORK_SECURITY_GROUP);
        if (!n.etag().isEmpty()) {
            json.writeStringField("etag", n.etag());
        }
        json.writeObjectFieldStart("properties");
        json.writeArrayFieldStart("securityRules");
        for (SecurityRule r : n.rules()) {
            json.writeStartObject();
            json.writeStringField("name", r.name());
            json.writeStringField("id", n.id().child("securityRules", r.name()).value());
            json.writeObjectFieldStart("properties");
            json.writeNumberField("priority", r.priority());
            json.writeStringField("direction", r.direction().azureName());
            json.writeStringField("access", r.access().azureName());
            json.writeStringField("protocol", r.protocol().azureName());
            strings("sourceAddressPrefixes", r.sourcePrefixes());
            ports("sourcePortRanges", r.sourcePorts());
            strings("destinationAddressPrefixes", r.destinationPrefixes());
            ports("destinationPortRanges", r.destinationPorts());
            references("sourceApplicationSecurityGroups", r.sourceAsgs());
            references("destinationApplicationSecurityGroups", r.destinationAsgs());
            if (!r.description().isEmpty()) {
                json.writeStringField("description", r.description());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void ports(String field, List<PortRange> ports) throws IOException {
        strings(field, ports.stream().map(p -> p.isAll() ? "*" : p.toString()).toList());
    }

    private void routeTable(RouteTable t) throws IOException {
        begin(t, ResourceKind.ROUTE_TABLE);
        json.writeBooleanField("disableBgpRoutePropagation", t.disableBgpRoutePropagation());
        json.writeArrayFieldStart("routes");
        for (Route r : t.routes()) {
            json.writeStartObject();
            json.writeStringField("name", r.name());
            json.writeStringField("id", t.id().child("routes", r.name()).value());
            json.writeObjectFieldStart("properties");
            json.writeStringField("addressPrefix", r.addressPrefix());
            json.writeStringField("nextHopType", r.nextHopType().azureName());
            if (r.nextHopIp().isPresent()) {
                json.writeStringField(
                        "nextHopIpAddress", Ipv4.format(r.nextHopIp().get()));
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void nic(NetworkInterface n) throws IOException {
        begin(n, ResourceKind.NETWORK_INTERFACE);
        json.writeArrayFieldStart("ipConfigurations");
        json.writeStartObject();
        json.writeStringField("name", "ipconfig1");
        json.writeObjectFieldStart("properties");
        json.writeBooleanField("primary", true);
        json.writeStringField("privateIPAddress", Ipv4.format(n.privateIp()));
        reference("subnet", n.subnetId());
        reference("publicIPAddress", n.publicIpIds().stream().findFirst());
        references("applicationSecurityGroups", n.asgIds());
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        reference("networkSecurityGroup", n.nsgId());
        if (!n.virtualMachine().isEmpty()) {
            json.writeObjectFieldStart("virtualMachine");
            json.writeStringField("id", n.virtualMachine());
            json.writeEndObject();
        }
    }

    private void natGateway(NatGateway n) throws IOException {
        begin(n, ResourceKind.NAT_GATEWAY);
        references("publicIpAddresses", n.publicIpIds());
    }

    private void publicIp(PublicIpAddress p) throws IOException {
        begin(p, ResourceKind.PUBLIC_IP_ADDRESS);
        if (p.ipAddress().isPresent()) {
            json.writeStringField("ipAddress", Ipv4.format(p.ipAddress().get()));
        }
    }

    private void vnetGateway(VirtualNetworkGateway g) throws IOException {
        begin(g, ResourceKind.VIRTUAL_NETWORK_GATEWAY);
        json.writeStringField("gatewayType", g.gatewayType().azureName());
        json.writeArrayFieldStart("ipConfigurations");
        json.writeStartObject();
        json.writeStringField("name", "default");
        json.writeObjectFieldStart("properties");
        reference("subnet", g.subnetId());
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        reference("gatewayDefaultSite", g.defaultSite());
        cidrs("learnedRoutes", g.learnedRoutes());
    }

    private void localGateway(LocalNetworkGateway l) throws IOException {
        begin(l, ResourceKind.LOCAL_NETWORK_GATEWAY);
        json.writeObjectFieldStart("localNetworkAddressSpace");
        cidrs("addressPrefixes", l.addressPrefixes());
        json.writeEndObject();
        if (!l.gatewayIpAddress().isEmpty()) {
            json.writeStringField("gatewayIpAddress", l.gatewayIpAddress());
        }
    }

    private void connection(Connection c) throws IOException {
        begin(c, ResourceKind.CONNECTION);
        json.writeStringField("connectionType", c.connectionType());
        reference("virtualNetworkGateway1", c.gatewayId());
        reference(
                c.connectionType().equalsIgnoreCase("Vnet2Vnet") ? "virtualNetworkGateway2" : "localNetworkGateway2",
                c.peerId());
    }

    private void ase(AppServiceEnvironment e) throws IOException {
        head(e, ResourceKind.APP_SERVICE_ENVIRONMENT);
        json.writeStringField("kind", e.kind().name());
        json.writeObjectFieldStart("properties");
        json.writeStringField("internalLoadBalancingMode", e.internalLoadBalancingMode());
        reference("virtualNetwork", e.subnetId());
        json.writeObjectFieldStart("addresses");
        if (e.publicVip().isPresent()) {
            json.writeStringField("serviceIpAddress", Ipv4.format(e.publicVip().get()));
        }
        if (e.internalAddress().isPresent()) {
            json.writeStringField(
                    "internalIpAddress", Ipv4.format(e.internalAddress().get()));
        }
        addresses("outboundIpAddresses", e.outboundAddresses());
        addresses("windowsOutboundIpAddresses", e.windowsOutboundAddresses());
        addresses("linuxOutboundIpAddresses", e.linuxOutboundAddresses());
        json.writeEndObject();
    }

    private void app(App a) throws IOException {
        begin(a, ResourceKind.APP);
        reference("hostingEnvironmentProfile", a.aseId());
        if (!a.defaultHostName().isEmpty()) {
            json.writeStringField("defaultHostName", a.defaultHostName());
        }
        strings("hostNames", a.hostNames());
    }

    /** An asegraph endpoint is written flat, as its own format has it (no {@code properties}). */
    private void endpoint(Endpoint e) throws IOException {
        head(e, ResourceKind.ENDPOINT);
        cidrs("addresses", e.addresses());
        if (e.serviceTag().isPresent()) {
            json.writeStringField("serviceTag", e.serviceTag().get());
        }
    }

    private void firewall(AzureFirewall f) throws IOException {
        begin(f, ResourceKind.AZURE_FIREWALL);
        json.writeArrayFieldStart("ipConfigurations");
        int configs = Math.max(1, f.publicIpIds().size());
        for (int i = 0; i < configs; i++) {
            json.writeStartObject();
            json.writeStringField("name", "ipconfig" + (i + 1));
            json.writeObjectFieldStart("properties");
            if (i == 0) {
                if (f.privateIp().isPresent()) {
                    json.writeStringField(
                            "privateIPAddress", Ipv4.format(f.privateIp().get()));
                }
                reference("subnet", f.subnetId());
            }
            if (i < f.publicIpIds().size()) {
                reference("publicIPAddress", f.publicIpIds().get(i));
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        if (f.snatPrivateRanges().isPresent()) {
            json.writeObjectFieldStart("additionalProperties");
            strings("Network.SNAT.PrivateRanges", f.snatPrivateRanges().get());
            json.writeEndObject();
        }
        for (Kind kind : List.of(Kind.NETWORK, Kind.APPLICATION, Kind.NAT)) {
            json.writeArrayFieldStart(kind.name().toLowerCase(Locale.ROOT) + "RuleCollections");
            for (FirewallRuleCollection c : f.ruleCollections()) {
                if (c.kind() == kind) {
                    json.writeStartObject();
                    json.writeStringField("name", c.name());
                    json.writeObjectFieldStart("properties");
                    json.writeNumberField("priority", c.priority());
                    action(c);
                    json.writeArrayFieldStart("rules");
                    for (FirewallRule r : c.rules()) {
                        firewallRule(r, kind, false);
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
        }
        reference("firewallPolicy", f.policyId());
    }

    private void action(FirewallRuleCollection c) throws IOException {
        json.writeObjectFieldStart("action");
        String a = c.action().name();
        json.writeStringField("type", a.charAt(0) + a.substring(1).toLowerCase(Locale.ROOT));
        json.writeEndObject();
    }

    private void firewallRule(FirewallRule r, Kind kind, boolean typed) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", r.name());
        if (typed) {
            json.writeStringField(
                    "ruleType",
                    switch (kind) {
                        case NAT -> "NatRule";
                        case APPLICATION -> "ApplicationRule";
                        case NETWORK -> "NetworkRule";
                    });
        }
        if (kind == Kind.APPLICATION) {
            json.writeArrayFieldStart("protocols");
            for (String p : r.protocols()) {
                int colon = p.indexOf(':');
                json.writeStartObject();
                json.writeStringField("protocolType", colon < 0 ? p : p.substring(0, colon));
                if (colon >= 0) {
                    json.writeNumberField("port", Integer.parseInt(p.substring(colon + 1)));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        } else {
            strings("protocols", r.protocols());
        }
        strings("sourceAddresses", r.sourceAddresses());
        ids("sourceIpGroups", r.sourceIpGroups());
        strings("destinationAddresses", r.destinationAddresses());
        ids("destinationIpGroups", r.destinationIpGroups());
        strings("destinationFqdns", r.destinationFqdns());
        strings("destinationPorts", r.destinationPorts());
        strings("targetFqdns", r.targetFqdns());
        strings("fqdnTags", r.fqdnTags());
        if (!r.translatedAddress().isEmpty()) {
            json.writeStringField("translatedAddress", r.translatedAddress());
        }
        if (!r.translatedPort().isEmpty()) {
            json.writeStringField("translatedPort", r.translatedPort());
        }
        json.writeEndObject();
    }

    private void firewallPolicy(FirewallPolicy p) throws IOException {
        begin(p, ResourceKind.FIREWALL_POLICY);
        if (p.snatPrivateRanges().isPresent()) {
            json.writeObjectFieldStart("snat");
            strings("privateRanges", p.snatPrivateRanges().get());
            json.writeEndObject();
        }
        reference("basePolicy", p.basePolicy());
        references("ruleCollectionGroups", p.ruleCollectionGroupIds());
    }

    private void ipGroup(IpGroup g) throws IOException {
        begin(g, ResourceKind.IP_GROUP);
        strings("ipAddresses", g.ipAddresses());
    }

    /**
     * A policy's collections; a filter collection the importer split into a network and an application part (same
     * name and priority, one after the other) is joined again.
     */
    private void ruleCollectionGroup(FirewallRuleCollectionGroup g) throws IOException {
        begin(g, ResourceKind.RULE_COLLECTION_GROUP);
        json.writeNumberField("priority", g.priority());
        json.writeArrayFieldStart("ruleCollections");
        List<FirewallRuleCollection> all = g.ruleCollections();
        for (int i = 0; i < all.size(); i++) {
            FirewallRuleCollection c = all.get(i);
            List<FirewallRuleCollection> parts = new ArrayList<>(List.of(c));
            if (c.kind() == Kind.NETWORK
                    && i + 1 < all.size()
                    && all.get(i + 1).kind() == Kind.APPLICATION
                    && all.get(i + 1).name().equals(c.name())
                    && all.get(i + 1).priority() == c.priority()) {
                parts.add(all.get(++i));
            }
            json.writeStartObject();
            json.writeStringField("name", c.name());
            json.writeNumberField("priority", c.priority());
            json.writeStringField(
                    "ruleCollectionType",
                    c.kind() == Kind.NAT ? "FirewallPolicyNatRuleCollection" : "FirewallPolicyFilterRuleCollection");
            action(c);
            json.writeArrayFieldStart("rules");
            for (FirewallRuleCollection part : parts) {
                for (FirewallRule r : part.rules()) {
                    firewallRule(r, part.kind(), true);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void privateEndpoint(PrivateEndpoint p) throws IOException {
        begin(p, ResourceKind.PRIVATE_ENDPOINT);
        reference("subnet", p.subnetId());
        references("networkInterfaces", p.nicIds());
        json.writeArrayFieldStart("customDnsConfigs");
        if (!p.privateIps().isEmpty()) {
            json.writeStartObject();
            addresses("ipAddresses", p.privateIps());
            json.writeEndObject();
        }
        json.writeEndArray();
        // A target is kept as "<service name> (<group ids>)": the name is written as the service's id.
        json.writeArrayFieldStart("privateLinkServiceConnections");
        for (String target : p.targets()) {
            int open = target.lastIndexOf(" (");
            boolean grouped = open > 0 && target.endsWith(")");
            json.writeStartObject();
            json.writeObjectFieldStart("properties");
            json.writeStringField("privateLinkServiceId", grouped ? target.substring(0, open) : target);
            strings(
                    "groupIds",
                    grouped
                            ? List.of(target.substring(open + 2, target.length() - 1)
                                    .split(", "))
                            : List.of());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /**
     * A tag of the Service Tags file that closes the document; the file is opened by the first. Its IPv6 prefixes,
     * of which the store keeps only the count, are written as that many prefixes of the documentation range.
     */
    private void serviceTag(ServiceTag t) throws IOException {
        if (!inServiceTags) {
            inServiceTags = true;
            json.writeStartObject();
            json.writeNumberField("changeNumber", t.changeNumber());
            json.writeArrayFieldStart("values");
        }
        serviceTags++;
        json.writeStartObject();
        json.writeStringField("name", t.name());
        json.writeStringField("id", t.name());
        json.writeObjectFieldStart("properties");
        json.writeNumberField("changeNumber", t.changeNumber());
        json.writeStringField("region", t.region());
        json.writeStringField("systemService", t.systemService());
        json.writeArrayFieldStart("addressPrefixes");
        for (Cidr c : t.prefixes()) {
            json.writeString(c.toString());
        }
        for (int i = 0; i < t.ipv6PrefixCount(); i++) {
            json.writeString(String.format(Locale.ROOT, "2001:db8:%x:%x::/64", i >>> 16, i & 0xffff));
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    // ---- field helpers -----------------------------------------------------------------------------------------

    private void reference(String field, ResourceId id) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("id", id.value());
        json.writeEndObject();
    }

    private void reference(String field, Optional<ResourceId> id) throws IOException {
        if (id.isPresent()) {
            reference(field, id.get());
        }
    }

    private void references(String field, List<ResourceId> ids) throws IOException {
        json.writeArrayFieldStart(field);
        for (ResourceId id : ids) {
            json.writeStartObject();
            json.writeStringField("id", id.value());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void ids(String field, List<ResourceId> ids) throws IOException {
        strings(field, ids.stream().map(ResourceId::value).toList());
    }

    private void strings(String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }

    private void cidrs(String field, List<Cidr> values) throws IOException {
        strings(field, values.stream().map(Cidr::toString).toList());
    }

    private void addresses(String field, List<Long> values) throws IOException {
        strings(field, values.stream().map(Ipv4::format).toList());
    }

    private interface Io {
        void run() throws IOException;
    }

    private static void io(Io work) {
        try {
            work.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
