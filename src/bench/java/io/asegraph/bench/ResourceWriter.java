package io.asegraph.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import io.asegraph.bench.EstatePlan.App;
import io.asegraph.bench.EstatePlan.Ase;
import io.asegraph.bench.EstatePlan.Asg;
import io.asegraph.bench.EstatePlan.Connection;
import io.asegraph.bench.EstatePlan.Endpoint;
import io.asegraph.bench.EstatePlan.Gateway;
import io.asegraph.bench.EstatePlan.LearnedRoute;
import io.asegraph.bench.EstatePlan.LocalGateway;
import io.asegraph.bench.EstatePlan.NatGateway;
import io.asegraph.bench.EstatePlan.Nic;
import io.asegraph.bench.EstatePlan.Nsg;
import io.asegraph.bench.EstatePlan.Peering;
import io.asegraph.bench.EstatePlan.PublicIp;
import io.asegraph.bench.EstatePlan.Route;
import io.asegraph.bench.EstatePlan.RouteTable;
import io.asegraph.bench.EstatePlan.Subnet;
import io.asegraph.bench.EstatePlan.SubnetKind;
import io.asegraph.bench.EstatePlan.VNet;
import io.asegraph.bench.RuleFactory.Rule;
import io.asegraph.net.Ipv4;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the planned estate as one JSON array of resources in the shapes {@code az ... show -o json} prints
 * (azure-semantics.md section 6): VNets with embedded subnets and peerings, NSGs with {@code securityRules} and the
 * six {@code defaultSecurityRules}, route tables, NICs, ASGs, NAT gateways, public IPs, gateways (with
 * {@code learnedRoutes}), local network gateways, connections, ASEs, apps and {@code asegraph/endpoints}.
 *
 * <p>Resources are grouped by type with dependants first (apps before their ASEs, NICs before their VNets), so an
 * importer that resolves references in file order fails on this file: references must be resolved by id.
 */
final class ResourceWriter {
    static final String VNET = "Microsoft.Network/virtualNetworks";
    static final String NSG = "Microsoft.Network/networkSecurityGroups";
    static final String ROUTE_TABLE = "Microsoft.Network/routeTables";
    static final String NIC = "Microsoft.Network/networkInterfaces";
    static final String ASG = "Microsoft.Network/applicationSecurityGroups";
    static final String NAT_GATEWAY = "Microsoft.Network/natGateways";
    static final String PUBLIC_IP = "Microsoft.Network/publicIPAddresses";
    static final String GATEWAY = "Microsoft.Network/virtualNetworkGateways";
    static final String LOCAL_GATEWAY = "Microsoft.Network/localNetworkGateways";
    static final String CONNECTION = "Microsoft.Network/connections";
    static final String ASE = "Microsoft.Web/hostingEnvironments";
    static final String SITE = "Microsoft.Web/sites";
    static final String ENDPOINT = "asegraph/endpoints";

    private final EstatePlan plan;
    private final JsonGenerator json;
    private final RuleFactory ruleFactory;
    private final SplittableRandom guids;
    /** Resources written per type, in writing order. */
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    private long securityRules;
    private long subnets;
    private long peerings;

    ResourceWriter(EstatePlan plan, JsonGenerator json) {
        this.plan = plan;
        this.json = json;
        this.ruleFactory = new RuleFactory(plan);
        this.guids = plan.random(99);
    }

    Map<String, Integer> counts() {
        return counts;
    }

    long securityRules() {
        return securityRules;
    }

    long subnets() {
        return subnets;
    }

    long peerings() {
        return peerings;
    }

    /** Writes the whole file: one array of every resource. */
    void write() throws IOException {
        json.writeStartArray();
        each(plan.apps, this::site);
        each(plan.ases, this::ase);
        each(plan.endpoints, this::endpoint);
        each(plan.connections, this::connection);
        each(plan.gateways, this::gateway);
        each(plan.localGateways, this::localGateway);
        each(plan.nics, this::nic);
        each(plan.vnets, this::vnet);
        each(plan.nsgs, this::nsg);
        each(plan.routeTables, this::routeTable);
        each(plan.natGateways, this::natGateway);
        each(plan.publicIps, this::publicIp);
        each(plan.asgs, this::asg);
        json.writeEndArray();
    }

    /** Writes an array of only these NSGs, each as {@link #write} writes it (the soak's re-import of a slice). */
    void writeNsgs(List<Nsg> nsgs) throws IOException {
        json.writeStartArray();
        each(nsgs, this::nsg);
        json.writeEndArray();
    }

    private void begin(String type, String name, String id, String location, String resourceGroup) throws IOException {
        counts.merge(type, 1, Integer::sum);
        json.writeStartObject();
        json.writeStringField("name", name);
        json.writeStringField("id", id);
        json.writeStringField("type", type);
        json.writeStringField("location", location);
        if (resourceGroup != null) {
            json.writeStringField("resourceGroup", resourceGroup);
        }
    }

    private void properties() throws IOException {
        json.writeObjectFieldStart("properties");
        json.writeStringField("provisioningState", "Succeeded");
    }

    private void vnet(VNet v) throws IOException {
        begin(VNET, v.name, v.id, v.region.name(), v.resourceGroup);
        json.writeStringField("etag", "W/\"" + EstatePlan.guid(guids) + "\"");
        properties();
        json.writeStringField("resourceGuid", EstatePlan.guid(guids));
        json.writeObjectFieldStart("addressSpace");
        strings("addressPrefixes", List.of(v.prefix()));
        json.writeEndObject();
        json.writeObjectFieldStart("dhcpOptions");
        strings("dnsServers", List.of());
        json.writeEndObject();
        json.writeArrayFieldStart("subnets");
        for (Subnet s : v.subnets) {
            subnet(s);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("virtualNetworkPeerings");
        for (Peering p : v.peerings) {
            peering(p);
        }
        json.writeEndArray();
        json.writeBooleanField("enableDdosProtection", false);
        json.writeEndObject();
        json.writeEndObject();
    }

    private void subnet(Subnet s) throws IOException {
        subnets++;
        json.writeStartObject();
        json.writeStringField("name", s.name);
        json.writeStringField("id", s.id);
        json.writeStringField("type", VNET + "/subnets");
        properties();
        json.writeStringField("addressPrefix", s.prefix());
        if (s.nsg != null) {
            reference("networkSecurityGroup", s.nsg.id);
        }
        if (s.routeTable != null) {
            reference("routeTable", s.routeTable.id);
        }
        if (s.natGateway != null) {
            reference("natGateway", s.natGateway.id);
        }
        List<String> ipConfigurations = new ArrayList<>();
        for (Nic nic : s.nics) {
            ipConfigurations.add(nic.ipConfigurationId());
        }
        if (s.gateway != null) {
            ipConfigurations.add(s.gateway.ipConfigurationId());
        }
        if (!ipConfigurations.isEmpty()) {
            references("ipConfigurations", ipConfigurations);
        }
        if (s.kind == SubnetKind.REGULAR && s.index % 3 == 1) {
            json.writeArrayFieldStart("serviceEndpoints");
            for (String service : List.of("Microsoft.Storage", "Microsoft.Sql")) {
                json.writeStartObject();
                json.writeStringField("provisioningState", "Succeeded");
                json.writeStringField("service", service);
                strings("locations", List.of(s.vnet.region.name()));
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeArrayFieldStart("delegations");
        if (s.kind == SubnetKind.ASE && s.ase.isV3()) {
            json.writeStartObject();
            json.writeStringField("name", "Microsoft.Web.hostingEnvironments");
            json.writeStringField("id", s.id + "/delegations/Microsoft.Web.hostingEnvironments");
            json.writeStringField("type", VNET + "/subnets/delegations");
            json.writeObjectFieldStart("properties");
            json.writeStringField("serviceName", "Microsoft.Web/hostingEnvironments");
            strings("actions", List.of("Microsoft.Network/virtualNetworks/subnets/action"));
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("privateEndpointNetworkPolicies", "Disabled");
        json.writeStringField("privateLinkServiceNetworkPolicies", "Enabled");
        json.writeEndObject();
        json.writeEndObject();
    }

    private void peering(Peering p) throws IOException {
        peerings++;
        json.writeStartObject();
        json.writeStringField("name", p.name);
        json.writeStringField("id", p.id);
        json.writeStringField("type", VNET + "/virtualNetworkPeerings");
        properties();
        json.writeStringField("peeringState", p.state);
        json.writeStringField("peeringSyncLevel", p.state.equals("Connected") ? "FullyInSync" : "RemoteNotInSync");
        reference("remoteVirtualNetwork", p.remote.id);
        json.writeBooleanField("allowVirtualNetworkAccess", true);
        json.writeBooleanField("allowForwardedTraffic", p.allowForwardedTraffic);
        json.writeBooleanField("allowGatewayTransit", p.allowGatewayTransit);
        json.writeBooleanField("useRemoteGateways", p.useRemoteGateways);
        json.writeObjectFieldStart("remoteAddressSpace");
        strings("addressPrefixes", List.of(p.remote.prefix()));
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    private void nsg(Nsg n) throws IOException {
        begin(NSG, n.name, n.id, n.vnet.region.name(), n.vnet.resourceGroup);
        json.writeStringField("etag", n.etag);
        properties();
        json.writeStringField("resourceGuid", n.resourceGuid);
        json.writeArrayFieldStart("securityRules");
        for (Rule r : ruleFactory.rules(n)) {
            securityRules++;
            rule(n, r);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("defaultSecurityRules");
        defaultRule(
                n,
                "AllowVnetInBound",
                "Allow inbound traffic from all VMs in VNET",
                "VirtualNetwork",
                "VirtualNetwork",
                "Allow",
                65000,
                "Inbound");
        defaultRule(
                n,
                "AllowAzureLoadBalancerInBound",
                "Allow inbound traffic from azure load balancer",
                "AzureLoadBalancer",
                "*",
                "Allow",
                65001,
                "Inbound");
        defaultRule(n, "DenyAllInBound", "Deny all inbound traffic", "*", "*", "Deny", 65500, "Inbound");
        defaultRule(
                n,
                "AllowVnetOutBound",
                "Allow outbound traffic from all VMs to all VMs in VNET",
                "VirtualNetwork",
                "VirtualNetwork",
                "Allow",
                65000,
                "Outbound");
        defaultRule(
                n,
                "AllowInternetOutBound",
                "Allow outbound traffic from all VMs to Internet",
                "*",
                "Internet",
                "Allow",
                65001,
                "Outbound");
        defaultRule(n, "DenyAllOutBound", "Deny all outbound traffic", "*", "*", "Deny", 65500, "Outbound");
        json.writeEndArray();
        if (!n.subnets.isEmpty()) {
            references("subnets", n.subnets.stream().map(s -> s.id).toList());
        }
        if (!n.nics.isEmpty()) {
            references("networkInterfaces", n.nics.stream().map(x -> x.id).toList());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * A user rule as az prints it: the plural arrays are always present (empty when unused); a singular field is
     * written only when it is the one in use, and the ASG arrays only when ASGs are named.
     */
    private void rule(Nsg n, Rule r) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", r.name);
        json.writeStringField("id", n.id + "/securityRules/" + r.name);
        json.writeStringField("type", NSG + "/securityRules");
        json.writeStringField("etag", n.etag);
        properties();
        if (r.description != null) {
            json.writeStringField("description", r.description);
        }
        json.writeStringField("protocol", r.protocol);
        if (r.sourcePort != null) {
            json.writeStringField("sourcePortRange", r.sourcePort);
        }
        if (r.destinationPort != null) {
            json.writeStringField("destinationPortRange", r.destinationPort);
        }
        if (r.sourcePrefix != null) {
            json.writeStringField("sourceAddressPrefix", r.sourcePrefix);
        }
        if (r.destinationPrefix != null) {
            json.writeStringField("destinationAddressPrefix", r.destinationPrefix);
        }
        json.writeStringField("access", r.access);
        json.writeNumberField("priority", r.priority);
        json.writeStringField("direction", r.direction);
        strings("sourcePortRanges", r.sourcePorts);
        strings("destinationPortRanges", r.destinationPorts);
        strings("sourceAddressPrefixes", r.sourcePrefixes);
        strings("destinationAddressPrefixes", r.destinationPrefixes);
        if (!r.sourceAsgs.isEmpty()) {
            references("sourceApplicationSecurityGroups", r.sourceAsgs);
        }
        if (!r.destinationAsgs.isEmpty()) {
            references("destinationApplicationSecurityGroups", r.destinationAsgs);
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void defaultRule(
            Nsg n,
            String name,
            String description,
            String source,
            String destination,
            String access,
            int priority,
            String direction)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("name", name);
        json.writeStringField("id", n.id + "/defaultSecurityRules/" + name);
        json.writeStringField("type", NSG + "/defaultSecurityRules");
        json.writeStringField("etag", n.etag);
        properties();
        json.writeStringField("description", description);
        json.writeStringField("protocol", "*");
        json.writeStringField("sourcePortRange", "*");
        json.writeStringField("destinationPortRange", "*");
        json.writeStringField("sourceAddressPrefix", source);
        json.writeStringField("destinationAddressPrefix", destination);
        json.writeStringField("access", access);
        json.writeNumberField("priority", priority);
        json.writeStringField("direction", direction);
        strings("sourcePortRanges", List.of());
        strings("destinationPortRanges", List.of());
        strings("sourceAddressPrefixes", List.of());
        strings("destinationAddressPrefixes", List.of());
        json.writeEndObject();
        json.writeEndObject();
    }

    private void routeTable(RouteTable rt) throws IOException {
        begin(ROUTE_TABLE, rt.name, rt.id, rt.vnet.region.name(), rt.vnet.resourceGroup);
        properties();
        json.writeStringField("resourceGuid", EstatePlan.guid(guids));
        json.writeBooleanField("disableBgpRoutePropagation", rt.disableBgpRoutePropagation);
        json.writeArrayFieldStart("routes");
        for (Route route : rt.routes) {
            json.writeStartObject();
            json.writeStringField("name", route.name());
            json.writeStringField("id", rt.id + "/routes/" + route.name());
            json.writeStringField("type", ROUTE_TABLE + "/routes");
            properties();
            json.writeStringField("addressPrefix", route.addressPrefix());
            json.writeStringField("nextHopType", route.nextHopType());
            if (route.nextHopIpAddress() != null) {
                json.writeStringField("nextHopIpAddress", route.nextHopIpAddress());
            }
            json.writeBooleanField("hasBgpOverride", false);
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        if (!rt.subnets.isEmpty()) {
            references("subnets", rt.subnets.stream().map(s -> s.id).toList());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void nic(Nic n) throws IOException {
        VNet v = n.subnet.vnet;
        begin(NIC, n.name, n.id, v.region.name(), v.resourceGroup);
        json.writeStringField("kind", "Regular");
        properties();
        json.writeStringField("resourceGuid", EstatePlan.guid(guids));
        json.writeArrayFieldStart("ipConfigurations");
        json.writeStartObject();
        json.writeStringField("name", "ipconfig1");
        json.writeStringField("id", n.ipConfigurationId());
        json.writeStringField("type", NIC + "/ipConfigurations");
        properties();
        json.writeStringField("privateIPAddress", Ipv4.format(n.ip));
        json.writeStringField("privateIPAllocationMethod", n.staticIp ? "Static" : "Dynamic");
        json.writeStringField("privateIPAddressVersion", "IPv4");
        reference("subnet", n.subnet.id);
        json.writeBooleanField("primary", true);
        if (n.publicIp != null) {
            reference("publicIPAddress", n.publicIp.id);
        }
        if (!n.asgs.isEmpty()) {
            references(
                    "applicationSecurityGroups", n.asgs.stream().map(a -> a.id).toList());
        }
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("dnsSettings");
        strings("dnsServers", List.of());
        strings("appliedDnsServers", List.of());
        json.writeEndObject();
        json.writeBooleanField("enableAcceleratedNetworking", n.index % 2 == 0);
        json.writeBooleanField("enableIPForwarding", n.ipForwarding);
        if (n.nsg != null) {
            reference("networkSecurityGroup", n.nsg.id);
        }
        json.writeBooleanField("primary", true);
        reference("virtualMachine", n.vmId);
        json.writeStringField("nicType", "Standard");
        json.writeEndObject();
        json.writeEndObject();
    }

    private void asg(Asg a) throws IOException {
        begin(ASG, a.name, a.id, a.vnet.region.name(), a.vnet.resourceGroup);
        properties();
        json.writeStringField("resourceGuid", a.resourceGuid);
        json.writeEndObject();
        json.writeEndObject();
    }

    private void natGateway(NatGateway n) throws IOException {
        begin(NAT_GATEWAY, n.name, n.id, n.vnet.region.name(), n.vnet.resourceGroup);
        json.writeObjectFieldStart("sku");
        json.writeStringField("name", "Standard");
        json.writeEndObject();
        properties();
        json.writeStringField("resourceGuid", EstatePlan.guid(guids));
        json.writeNumberField("idleTimeoutInMinutes", 4);
        references("publicIpAddresses", n.publicIps.stream().map(p -> p.id).toList());
        if (!n.subnets.isEmpty()) {
            references("subnets", n.subnets.stream().map(s -> s.id).toList());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void publicIp(PublicIp p) throws IOException {
        begin(PUBLIC_IP, p.name, p.id, p.vnet.region.name(), p.vnet.resourceGroup);
        json.writeObjectFieldStart("sku");
        json.writeStringField("name", "Standard");
        json.writeStringField("tier", "Regional");
        json.writeEndObject();
        properties();
        json.writeStringField("resourceGuid", EstatePlan.guid(guids));
        json.writeStringField("ipAddress", Ipv4.format(p.address));
        json.writeStringField("publicIPAddressVersion", "IPv4");
        json.writeStringField("publicIPAllocationMethod", "Static");
        json.writeNumberField("idleTimeoutInMinutes", 4);
        if (p.ipConfigurationId != null) {
            reference("ipConfiguration", p.ipConfigurationId);
        }
        if (p.natGateway != null) {
            reference("natGateway", p.natGateway.id);
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void gateway(Gateway g) throws IOException {
        VNet v = g.vnet;
        begin(GATEWAY, g.name, g.id, v.region.name(), v.resourceGroup);
        properties();
        json.writeStringField("resourceGuid", EstatePlan.guid(guids));
        json.writeStringField("gatewayType", g.gatewayType);
        if (g.gatewayType.equals("Vpn")) {
            json.writeStringField("vpnType", "RouteBased");
            json.writeStringField("vpnGatewayGeneration", "Generation1");
        }
        json.writeBooleanField("enableBgp", g.bgp);
        json.writeBooleanField("activeActive", false);
        json.writeObjectFieldStart("sku");
        json.writeStringField("name", g.sku);
        json.writeStringField("tier", g.sku);
        json.writeNumberField("capacity", 2);
        json.writeEndObject();
        json.writeArrayFieldStart("ipConfigurations");
        json.writeStartObject();
        json.writeStringField("name", "default");
        json.writeStringField("id", g.ipConfigurationId());
        json.writeStringField("type", GATEWAY + "/ipConfigurations");
        properties();
        json.writeStringField("privateIPAllocationMethod", "Dynamic");
        reference("subnet", g.subnet.id);
        reference("publicIPAddress", g.publicIp.id);
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        json.writeObjectFieldStart("bgpSettings");
        json.writeNumberField("asn", 65515);
        json.writeStringField("bgpPeeringAddress", Ipv4.format(g.bgpAddress));
        json.writeNumberField("peerWeight", 0);
        json.writeEndObject();
        if (g.defaultSite != null) {
            reference("gatewayDefaultSite", g.defaultSite.id);
        }
        if (!g.learnedRoutes.isEmpty()) {
            json.writeArrayFieldStart("learnedRoutes");
            for (LearnedRoute r : g.learnedRoutes) {
                json.writeStartObject();
                json.writeStringField("asPath", r.asPath());
                json.writeStringField("localAddress", Ipv4.format(g.bgpAddress));
                json.writeStringField("network", r.network());
                json.writeStringField("nextHop", r.nextHop());
                json.writeStringField("origin", r.origin());
                json.writeStringField("sourcePeer", r.sourcePeer());
                json.writeNumberField("weight", r.weight());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void localGateway(LocalGateway l) throws IOException {
        VNet v = l.gateway.vnet;
        begin(LOCAL_GATEWAY, l.name, l.id, v.region.name(), v.resourceGroup);
        properties();
        json.writeStringField("resourceGuid", EstatePlan.guid(guids));
        json.writeStringField("gatewayIpAddress", Ipv4.format(l.gatewayIp));
        json.writeObjectFieldStart("localNetworkAddressSpace");
        strings("addressPrefixes", l.prefixes);
        json.writeEndObject();
        if (l.gateway.bgp) {
            json.writeObjectFieldStart("bgpSettings");
            json.writeNumberField("asn", l.asn);
            json.writeStringField("bgpPeeringAddress", Ipv4.format(l.bgpAddress));
            json.writeNumberField("peerWeight", 0);
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void connection(Connection c) throws IOException {
        VNet v = c.gateway1.vnet;
        begin(CONNECTION, c.name, c.id, v.region.name(), v.resourceGroup);
        properties();
        json.writeStringField("resourceGuid", EstatePlan.guid(guids));
        json.writeStringField("connectionType", c.connectionType);
        json.writeStringField("connectionProtocol", "IKEv2");
        reference("virtualNetworkGateway1", c.gateway1.id);
        if (c.localGateway2 != null) {
            reference("localNetworkGateway2", c.localGateway2.id);
        }
        if (c.gateway2 != null) {
            reference("virtualNetworkGateway2", c.gateway2.id);
        }
        json.writeNumberField("routingWeight", 0);
        json.writeBooleanField("enableBgp", c.gateway1.bgp);
        json.writeStringField("connectionStatus", "Connected");
        json.writeEndObject();
        json.writeEndObject();
    }

    private void ase(Ase a) throws IOException {
        VNet v = a.subnet.vnet;
        begin(ASE, a.name, a.id, v.region.name(), a.resourceGroup);
        json.writeStringField("kind", a.kind);
        json.writeObjectFieldStart("properties");
        json.writeStringField("name", a.name);
        json.writeStringField("location", v.region.name());
        json.writeStringField("status", "Ready");
        json.writeStringField("provisioningState", "Succeeded");
        json.writeObjectFieldStart("virtualNetwork");
        json.writeStringField("id", a.subnet.id);
        json.writeStringField("name", a.subnet.name);
        json.writeStringField("type", VNET + "/subnets");
        json.writeStringField("subnet", "");
        json.writeEndObject();
        json.writeStringField("internalLoadBalancingMode", a.internalLoadBalancingMode);
        json.writeStringField("dnsSuffix", a.dnsSuffix());
        json.writeStringField("multiSize", a.isV3() ? "Standard_D2d_v4" : "Standard_D2_V2");
        json.writeNumberField("frontEndScaleFactor", 15);
        json.writeObjectFieldStart("addresses");
        json.writeStringField("serviceIpAddress", Ipv4.format(a.vip));
        json.writeStringField("internalIpAddress", a.internalAddress < 0 ? null : Ipv4.format(a.internalAddress));
        json.writeArrayFieldStart("outboundIpAddresses");
        for (long address : a.outbound) {
            json.writeString(Ipv4.format(address));
        }
        json.writeEndArray();
        json.writeArrayFieldStart("vipMappings");
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    private void site(App app) throws IOException {
        Ase a = app.ase;
        VNet v = a.subnet.vnet;
        begin(SITE, app.name, app.id, v.region.name(), a.resourceGroup);
        json.writeStringField("kind", "app");
        json.writeObjectFieldStart("properties");
        json.writeStringField("name", app.name);
        json.writeStringField("state", "Running");
        json.writeObjectFieldStart("hostingEnvironmentProfile");
        json.writeStringField("id", a.id);
        json.writeStringField("name", a.name);
        json.writeStringField("type", ASE);
        json.writeEndObject();
        json.writeStringField("defaultHostName", app.hostNames.get(0));
        strings("hostNames", app.hostNames);
        List<String> enabled = new ArrayList<>(app.hostNames);
        enabled.add(app.name + ".scm." + a.dnsSuffix());
        strings("enabledHostNames", enabled);
        json.writeBooleanField("httpsOnly", true);
        json.writeEndObject();
        json.writeEndObject();
    }

    private void endpoint(Endpoint e) throws IOException {
        begin(ENDPOINT, e.name, e.id, e.region.name(), null);
        strings("addresses", e.addresses);
        if (e.serviceTag != null) {
            json.writeStringField("serviceTag", e.serviceTag);
        }
        json.writeEndObject();
    }

    /** {@code "name": {"id": "..."}}, the ARM sub-resource reference shape. */
    private void reference(String name, String id) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField("id", id);
        json.writeEndObject();
    }

    /** {@code "name": [{"id": "..."}, ...]}. */
    private void references(String name, Iterable<String> ids) throws IOException {
        json.writeArrayFieldStart(name);
        for (String id : ids) {
            json.writeStartObject();
            json.writeStringField("id", id);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** {@code "name": ["a", "b"]}. */
    private void strings(String name, Iterable<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }

    /** Writes one resource (or part) of the plan. */
    private interface PartWriter<T> {
        void write(T part) throws IOException;
    }

    private static <T> void each(Iterable<T> parts, PartWriter<T> writer) throws IOException {
        for (T part : parts) {
            writer.write(part);
        }
    }
}
