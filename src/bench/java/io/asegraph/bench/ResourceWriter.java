package io.asegraph.bench;

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
    private final JsonWriter json;
    private final RuleFactory ruleFactory;
    private final SplittableRandom guids;
    /** Resources written per type, in writing order. */
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private long securityRules;
    private long subnets;
    private long peerings;

    ResourceWriter(EstatePlan plan, JsonWriter json) {
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

    void write() {
        json.beginArray();
        plan.apps.forEach(this::site);
        plan.ases.forEach(this::ase);
        plan.endpoints.forEach(this::endpoint);
        plan.connections.forEach(this::connection);
        plan.gateways.forEach(this::gateway);
        plan.localGateways.forEach(this::localGateway);
        plan.nics.forEach(this::nic);
        plan.vnets.forEach(this::vnet);
        plan.nsgs.forEach(this::nsg);
        plan.routeTables.forEach(this::routeTable);
        plan.natGateways.forEach(this::natGateway);
        plan.publicIps.forEach(this::publicIp);
        plan.asgs.forEach(this::asg);
        json.endArray();
    }

    private void begin(String type, String name, String id, String location, String resourceGroup) {
        counts.merge(type, 1, Integer::sum);
        json.beginObject();
        json.field("name", name);
        json.field("id", id);
        json.field("type", type);
        json.field("location", location);
        if (resourceGroup != null) {
            json.field("resourceGroup", resourceGroup);
        }
    }

    private void properties() {
        json.name("properties").beginObject();
        json.field("provisioningState", "Succeeded");
    }

    private void vnet(VNet v) {
        begin(VNET, v.name, v.id, v.region.name(), v.resourceGroup);
        json.field("etag", "W/\"" + EstatePlan.guid(guids) + "\"");
        properties();
        json.field("resourceGuid", EstatePlan.guid(guids));
        json.name("addressSpace").beginObject().strings("addressPrefixes", List.of(v.prefix())).endObject();
        json.name("dhcpOptions").beginObject().strings("dnsServers", List.of()).endObject();
        json.name("subnets").beginArray();
        for (Subnet s : v.subnets) {
            subnet(s);
        }
        json.endArray();
        json.name("virtualNetworkPeerings").beginArray();
        for (Peering p : v.peerings) {
            peering(p);
        }
        json.endArray();
        json.field("enableDdosProtection", false);
        json.endObject();
        json.endObject();
    }

    private void subnet(Subnet s) {
        subnets++;
        json.beginObject();
        json.field("name", s.name);
        json.field("id", s.id);
        json.field("type", VNET + "/subnets");
        properties();
        json.field("addressPrefix", s.prefix());
        if (s.nsg != null) {
            json.reference("networkSecurityGroup", s.nsg.id);
        }
        if (s.routeTable != null) {
            json.reference("routeTable", s.routeTable.id);
        }
        if (s.natGateway != null) {
            json.reference("natGateway", s.natGateway.id);
        }
        List<String> ipConfigurations = new ArrayList<>();
        for (Nic nic : s.nics) {
            ipConfigurations.add(nic.ipConfigurationId());
        }
        if (s.gateway != null) {
            ipConfigurations.add(s.gateway.ipConfigurationId());
        }
        if (!ipConfigurations.isEmpty()) {
            json.references("ipConfigurations", ipConfigurations);
        }
        if (s.kind == SubnetKind.REGULAR && s.index % 3 == 1) {
            json.name("serviceEndpoints").beginArray();
            for (String service : List.of("Microsoft.Storage", "Microsoft.Sql")) {
                json.beginObject();
                json.field("provisioningState", "Succeeded");
                json.field("service", service);
                json.strings("locations", List.of(s.vnet.region.name()));
                json.endObject();
            }
            json.endArray();
        }
        json.name("delegations").beginArray();
        if (s.kind == SubnetKind.ASE && s.ase.isV3()) {
            json.beginObject();
            json.field("name", "Microsoft.Web.hostingEnvironments");
            json.field("id", s.id + "/delegations/Microsoft.Web.hostingEnvironments");
            json.field("type", VNET + "/subnets/delegations");
            json.name("properties").beginObject();
            json.field("serviceName", "Microsoft.Web/hostingEnvironments");
            json.strings("actions", List.of("Microsoft.Network/virtualNetworks/subnets/action"));
            json.endObject();
            json.endObject();
        }
        json.endArray();
        json.field("privateEndpointNetworkPolicies", "Disabled");
        json.field("privateLinkServiceNetworkPolicies", "Enabled");
        json.endObject();
        json.endObject();
    }

    private void peering(Peering p) {
        peerings++;
        json.beginObject();
        json.field("name", p.name);
        json.field("id", p.id);
        json.field("type", VNET + "/virtualNetworkPeerings");
        properties();
        json.field("peeringState", p.state);
        json.field("peeringSyncLevel", p.state.equals("Connected") ? "FullyInSync" : "RemoteNotInSync");
        json.reference("remoteVirtualNetwork", p.remote.id);
        json.field("allowVirtualNetworkAccess", true);
        json.field("allowForwardedTraffic", p.allowForwardedTraffic);
        json.field("allowGatewayTransit", p.allowGatewayTransit);
        json.field("useRemoteGateways", p.useRemoteGateways);
        json.name("remoteAddressSpace").beginObject().strings("addressPrefixes", List.of(p.remote.prefix()))
                .endObject();
        json.endObject();
        json.endObject();
    }

    private void nsg(Nsg n) {
        begin(NSG, n.name, n.id, n.vnet.region.name(), n.vnet.resourceGroup);
        json.field("etag", n.etag);
        properties();
        json.field("resourceGuid", n.resourceGuid);
        json.name("securityRules").beginArray();
        for (Rule r : ruleFactory.rules(n)) {
            securityRules++;
            rule(n, r);
        }
        json.endArray();
        json.name("defaultSecurityRules").beginArray();
        defaultRule(n, "AllowVnetInBound", "Allow inbound traffic from all VMs in VNET", "VirtualNetwork",
                "VirtualNetwork", "Allow", 65000, "Inbound");
        defaultRule(n, "AllowAzureLoadBalancerInBound", "Allow inbound traffic from azure load balancer",
                "AzureLoadBalancer", "*", "Allow", 65001, "Inbound");
        defaultRule(n, "DenyAllInBound", "Deny all inbound traffic", "*", "*", "Deny", 65500, "Inbound");
        defaultRule(n, "AllowVnetOutBound", "Allow outbound traffic from all VMs to all VMs in VNET",
                "VirtualNetwork", "VirtualNetwork", "Allow", 65000, "Outbound");
        defaultRule(n, "AllowInternetOutBound", "Allow outbound traffic from all VMs to Internet", "*", "Internet",
                "Allow", 65001, "Outbound");
        defaultRule(n, "DenyAllOutBound", "Deny all outbound traffic", "*", "*", "Deny", 65500, "Outbound");
        json.endArray();
        if (!n.subnets.isEmpty()) {
            json.references("subnets", n.subnets.stream().map(s -> s.id).toList());
        }
        if (!n.nics.isEmpty()) {
            json.references("networkInterfaces", n.nics.stream().map(x -> x.id).toList());
        }
        json.endObject();
        json.endObject();
    }

    /**
     * A user rule as az prints it: the plural arrays are always present (empty when unused); a singular field is
     * written only when it is the one in use, and the ASG arrays only when ASGs are named.
     */
    private void rule(Nsg n, Rule r) {
        json.beginObject();
        json.field("name", r.name);
        json.field("id", n.id + "/securityRules/" + r.name);
        json.field("type", NSG + "/securityRules");
        json.field("etag", n.etag);
        properties();
        if (r.description != null) {
            json.field("description", r.description);
        }
        json.field("protocol", r.protocol);
        if (r.sourcePort != null) {
            json.field("sourcePortRange", r.sourcePort);
        }
        if (r.destinationPort != null) {
            json.field("destinationPortRange", r.destinationPort);
        }
        if (r.sourcePrefix != null) {
            json.field("sourceAddressPrefix", r.sourcePrefix);
        }
        if (r.destinationPrefix != null) {
            json.field("destinationAddressPrefix", r.destinationPrefix);
        }
        json.field("access", r.access);
        json.field("priority", r.priority);
        json.field("direction", r.direction);
        json.strings("sourcePortRanges", r.sourcePorts);
        json.strings("destinationPortRanges", r.destinationPorts);
        json.strings("sourceAddressPrefixes", r.sourcePrefixes);
        json.strings("destinationAddressPrefixes", r.destinationPrefixes);
        if (!r.sourceAsgs.isEmpty()) {
            json.references("sourceApplicationSecurityGroups", r.sourceAsgs);
        }
        if (!r.destinationAsgs.isEmpty()) {
            json.references("destinationApplicationSecurityGroups", r.destinationAsgs);
        }
        json.endObject();
        json.endObject();
    }

    private void defaultRule(Nsg n, String name, String description, String source, String destination,
            String access, int priority, String direction) {
        json.beginObject();
        json.field("name", name);
        json.field("id", n.id + "/defaultSecurityRules/" + name);
        json.field("type", NSG + "/defaultSecurityRules");
        json.field("etag", n.etag);
        properties();
        json.field("description", description);
        json.field("protocol", "*");
        json.field("sourcePortRange", "*");
        json.field("destinationPortRange", "*");
        json.field("sourceAddressPrefix", source);
        json.field("destinationAddressPrefix", destination);
        json.field("access", access);
        json.field("priority", priority);
        json.field("direction", direction);
        json.strings("sourcePortRanges", List.of());
        json.strings("destinationPortRanges", List.of());
        json.strings("sourceAddressPrefixes", List.of());
        json.strings("destinationAddressPrefixes", List.of());
        json.endObject();
        json.endObject();
    }

    private void routeTable(RouteTable rt) {
        begin(ROUTE_TABLE, rt.name, rt.id, rt.vnet.region.name(), rt.vnet.resourceGroup);
        properties();
        json.field("resourceGuid", EstatePlan.guid(guids));
        json.field("disableBgpRoutePropagation", rt.disableBgpRoutePropagation);
        json.name("routes").beginArray();
        for (Route route : rt.routes) {
            json.beginObject();
            json.field("name", route.name());
            json.field("id", rt.id + "/routes/" + route.name());
            json.field("type", ROUTE_TABLE + "/routes");
            properties();
            json.field("addressPrefix", route.addressPrefix());
            json.field("nextHopType", route.nextHopType());
            if (route.nextHopIpAddress() != null) {
                json.field("nextHopIpAddress", route.nextHopIpAddress());
            }
            json.field("hasBgpOverride", false);
            json.endObject();
            json.endObject();
        }
        json.endArray();
        if (!rt.subnets.isEmpty()) {
            json.references("subnets", rt.subnets.stream().map(s -> s.id).toList());
        }
        json.endObject();
        json.endObject();
    }

    private void nic(Nic n) {
        VNet v = n.subnet.vnet;
        begin(NIC, n.name, n.id, v.region.name(), v.resourceGroup);
        json.field("kind", "Regular");
        properties();
        json.field("resourceGuid", EstatePlan.guid(guids));
        json.name("ipConfigurations").beginArray();
        json.beginObject();
        json.field("name", "ipconfig1");
        json.field("id", n.ipConfigurationId());
        json.field("type", NIC + "/ipConfigurations");
        properties();
        json.field("privateIPAddress", Ipv4.format(n.ip));
        json.field("privateIPAllocationMethod", n.staticIp ? "Static" : "Dynamic");
        json.field("privateIPAddressVersion", "IPv4");
        json.reference("subnet", n.subnet.id);
        json.field("primary", true);
        if (n.publicIp != null) {
            json.reference("publicIPAddress", n.publicIp.id);
        }
        if (!n.asgs.isEmpty()) {
            json.references("applicationSecurityGroups", n.asgs.stream().map(a -> a.id).toList());
        }
        json.endObject();
        json.endObject();
        json.endArray();
        json.name("dnsSettings").beginObject().strings("dnsServers", List.of())
                .strings("appliedDnsServers", List.of()).endObject();
        json.field("enableAcceleratedNetworking", n.index % 2 == 0);
        json.field("enableIPForwarding", n.ipForwarding);
        if (n.nsg != null) {
            json.reference("networkSecurityGroup", n.nsg.id);
        }
        json.field("primary", true);
        json.reference("virtualMachine", n.vmId);
        json.field("nicType", "Standard");
        json.endObject();
        json.endObject();
    }

    private void asg(Asg a) {
        begin(ASG, a.name, a.id, a.vnet.region.name(), a.vnet.resourceGroup);
        properties();
        json.field("resourceGuid", a.resourceGuid);
        json.endObject();
        json.endObject();
    }

    private void natGateway(NatGateway n) {
        begin(NAT_GATEWAY, n.name, n.id, n.vnet.region.name(), n.vnet.resourceGroup);
        json.name("sku").beginObject().field("name", "Standard").endObject();
        properties();
        json.field("resourceGuid", EstatePlan.guid(guids));
        json.field("idleTimeoutInMinutes", 4);
        json.references("publicIpAddresses", n.publicIps.stream().map(p -> p.id).toList());
        if (!n.subnets.isEmpty()) {
            json.references("subnets", n.subnets.stream().map(s -> s.id).toList());
        }
        json.endObject();
        json.endObject();
    }

    private void publicIp(PublicIp p) {
        begin(PUBLIC_IP, p.name, p.id, p.vnet.region.name(), p.vnet.resourceGroup);
        json.name("sku").beginObject().field("name", "Standard").field("tier", "Regional").endObject();
        properties();
        json.field("resourceGuid", EstatePlan.guid(guids));
        json.field("ipAddress", Ipv4.format(p.address));
        json.field("publicIPAddressVersion", "IPv4");
        json.field("publicIPAllocationMethod", "Static");
        json.field("idleTimeoutInMinutes", 4);
        if (p.ipConfigurationId != null) {
            json.reference("ipConfiguration", p.ipConfigurationId);
        }
        if (p.natGateway != null) {
            json.reference("natGateway", p.natGateway.id);
        }
        json.endObject();
        json.endObject();
    }

    private void gateway(Gateway g) {
        VNet v = g.vnet;
        begin(GATEWAY, g.name, g.id, v.region.name(), v.resourceGroup);
        properties();
        json.field("resourceGuid", EstatePlan.guid(guids));
        json.field("gatewayType", g.gatewayType);
        if (g.gatewayType.equals("Vpn")) {
            json.field("vpnType", "RouteBased");
            json.field("vpnGatewayGeneration", "Generation1");
        }
        json.field("enableBgp", g.bgp);
        json.field("activeActive", false);
        json.name("sku").beginObject().field("name", g.sku).field("tier", g.sku).field("capacity", 2).endObject();
        json.name("ipConfigurations").beginArray();
        json.beginObject();
        json.field("name", "default");
        json.field("id", g.ipConfigurationId());
        json.field("type", GATEWAY + "/ipConfigurations");
        properties();
        json.field("privateIPAllocationMethod", "Dynamic");
        json.reference("subnet", g.subnet.id);
        json.reference("publicIPAddress", g.publicIp.id);
        json.endObject();
        json.endObject();
        json.endArray();
        json.name("bgpSettings").beginObject();
        json.field("asn", 65515);
        json.field("bgpPeeringAddress", Ipv4.format(g.bgpAddress));
        json.field("peerWeight", 0);
        json.endObject();
        if (g.defaultSite != null) {
            json.reference("gatewayDefaultSite", g.defaultSite.id);
        }
        if (!g.learnedRoutes.isEmpty()) {
            json.name("learnedRoutes").beginArray();
            for (LearnedRoute r : g.learnedRoutes) {
                json.beginObject();
                json.field("asPath", r.asPath());
                json.field("localAddress", Ipv4.format(g.bgpAddress));
                json.field("network", r.network());
                json.field("nextHop", r.nextHop());
                json.field("origin", r.origin());
                json.field("sourcePeer", r.sourcePeer());
                json.field("weight", r.weight());
                json.endObject();
            }
            json.endArray();
        }
        json.endObject();
        json.endObject();
    }

    private void localGateway(LocalGateway l) {
        VNet v = l.gateway.vnet;
        begin(LOCAL_GATEWAY, l.name, l.id, v.region.name(), v.resourceGroup);
        properties();
        json.field("resourceGuid", EstatePlan.guid(guids));
        json.field("gatewayIpAddress", Ipv4.format(l.gatewayIp));
        json.name("localNetworkAddressSpace").beginObject().strings("addressPrefixes", l.prefixes).endObject();
        if (l.gateway.bgp) {
            json.name("bgpSettings").beginObject();
            json.field("asn", l.asn);
            json.field("bgpPeeringAddress", Ipv4.format(l.bgpAddress));
            json.field("peerWeight", 0);
            json.endObject();
        }
        json.endObject();
        json.endObject();
    }

    private void connection(Connection c) {
        VNet v = c.gateway1.vnet;
        begin(CONNECTION, c.name, c.id, v.region.name(), v.resourceGroup);
        properties();
        json.field("resourceGuid", EstatePlan.guid(guids));
        json.field("connectionType", c.connectionType);
        json.field("connectionProtocol", "IKEv2");
        json.reference("virtualNetworkGateway1", c.gateway1.id);
        if (c.localGateway2 != null) {
            json.reference("localNetworkGateway2", c.localGateway2.id);
        }
        if (c.gateway2 != null) {
            json.reference("virtualNetworkGateway2", c.gateway2.id);
        }
        json.field("routingWeight", 0);
        json.field("enableBgp", c.gateway1.bgp);
        json.field("connectionStatus", "Connected");
        json.endObject();
        json.endObject();
    }

    private void ase(Ase a) {
        VNet v = a.subnet.vnet;
        begin(ASE, a.name, a.id, v.region.name(), a.resourceGroup);
        json.field("kind", a.kind);
        json.name("properties").beginObject();
        json.field("name", a.name);
        json.field("location", v.region.name());
        json.field("status", "Ready");
        json.field("provisioningState", "Succeeded");
        json.name("virtualNetwork").beginObject();
        json.field("id", a.subnet.id);
        json.field("name", a.subnet.name);
        json.field("type", VNET + "/subnets");
        json.field("subnet", "");
        json.endObject();
        json.field("internalLoadBalancingMode", a.internalLoadBalancingMode);
        json.field("dnsSuffix", a.dnsSuffix());
        json.field("multiSize", a.isV3() ? "Standard_D2d_v4" : "Standard_D2_V2");
        json.field("frontEndScaleFactor", 15);
        json.name("addresses").beginObject();
        json.field("serviceIpAddress", Ipv4.format(a.vip));
        json.field("internalIpAddress", a.internalAddress < 0 ? null : Ipv4.format(a.internalAddress));
        json.name("outboundIpAddresses").beginArray();
        for (long address : a.outbound) {
            json.value(Ipv4.format(address));
        }
        json.endArray();
        json.name("vipMappings").beginArray().endArray();
        json.endObject();
        json.endObject();
        json.endObject();
    }

    private void site(App app) {
        Ase a = app.ase;
        VNet v = a.subnet.vnet;
        begin(SITE, app.name, app.id, v.region.name(), a.resourceGroup);
        json.field("kind", "app");
        json.name("properties").beginObject();
        json.field("name", app.name);
        json.field("state", "Running");
        json.name("hostingEnvironmentProfile").beginObject();
        json.field("id", a.id);
        json.field("name", a.name);
        json.field("type", ASE);
        json.endObject();
        json.field("defaultHostName", app.hostNames.get(0));
        json.strings("hostNames", app.hostNames);
        List<String> enabled = new ArrayList<>(app.hostNames);
        enabled.add(app.name + ".scm." + a.dnsSuffix());
        json.strings("enabledHostNames", enabled);
        json.field("httpsOnly", true);
        json.endObject();
        json.endObject();
    }

    private void endpoint(Endpoint e) {
        begin(ENDPOINT, e.name, e.id, e.region.name(), null);
        json.strings("addresses", e.addresses);
        if (e.serviceTag != null) {
            json.field("serviceTag", e.serviceTag);
        }
        json.endObject();
    }
}
