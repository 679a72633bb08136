package io.asegraph.api;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A small estate of its own for import tests: every id and name carries the test's prefix {@code p}, so tests never
 * touch the seed or each other. Two VNets peered both ways, a gateway with a connection to an on-premises site, an
 * NSG with three rules (one naming an ASG and a service tag), a route table with two routes, a NIC, a NAT gateway
 * with its public IP, an ASE v3 with an app, and an endpoint. Edit it as a JSON tree, then post {@link #text}.
 */
final class TestEstate {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String SUBSCRIPTION = "/subscriptions/22222222-2222-2222-2222-222222222222";

    private TestEstate() {}

    static String net(String p) {
        return SUBSCRIPTION + "/resourceGroups/" + p + "-rg/providers/Microsoft.Network";
    }

    static String web(String p) {
        return SUBSCRIPTION + "/resourceGroups/" + p + "-rg/providers/Microsoft.Web";
    }

    static String vnetId(String p) {
        return net(p) + "/virtualNetworks/" + p + "-vnet";
    }

    static String hubId(String p) {
        return net(p) + "/virtualNetworks/" + p + "-hub";
    }

    static String subnetId(String p, String name) {
        return vnetId(p) + "/subnets/" + name;
    }

    static String nsgId(String p) {
        return net(p) + "/networkSecurityGroups/" + p + "-nsg";
    }

    static String routeTableId(String p) {
        return net(p) + "/routeTables/" + p + "-rt";
    }

    static String asgId(String p) {
        return net(p) + "/applicationSecurityGroups/" + p + "-asg";
    }

    static String aseId(String p) {
        return web(p) + "/hostingEnvironments/" + p + "-ase";
    }

    static String nicId(String p) {
        return net(p) + "/networkInterfaces/" + p + "-nic";
    }

    static String natId(String p) {
        return net(p) + "/natGateways/" + p + "-nat";
    }

    static String pipId(String p) {
        return net(p) + "/publicIPAddresses/" + p + "-pip";
    }

    static String siteId(String p) {
        return net(p) + "/localNetworkGateways/" + p + "-site";
    }

    static String gatewayId(String p) {
        return net(p) + "/virtualNetworkGateways/" + p + "-gw";
    }

    /** Pointers into {@link #estate}: the array index of each resource. */
    static final int VNET = 0;

    static final int HUB = 1;
    static final int NSG = 2;
    static final int ROUTE_TABLE = 3;
    static final int ASG = 4;
    static final int NIC = 5;
    static final int PIP = 6;
    static final int NAT_PIP = 7;
    static final int NAT = 8;
    static final int ASE = 9;
    static final int APP = 10;
    static final int ENDPOINT = 11;
    static final int GATEWAY = 12;
    static final int SITE = 13;
    static final int CONNECTION = 14;

    /** The whole estate as an az export (ARM shape, properties nested). */
    static ArrayNode estate(String p) {
        String json =
                """
                [
                 {"name": "P-vnet", "id": "VNET", "type": "Microsoft.Network/virtualNetworks", "location": "westus",
                  "properties": {"addressSpace": {"addressPrefixes": ["10.50.0.0/16"]},
                   "subnets": [
                    {"name": "P-ase-subnet", "id": "VNET/subnets/P-ase-subnet", "properties": {"addressPrefix": "10.50.1.0/24",
                      "networkSecurityGroup": {"id": "NET/networkSecurityGroups/P-nsg"}, "routeTable": {"id": "NET/routeTables/P-rt"}}},
                    {"name": "P-app-subnet", "id": "VNET/subnets/P-app-subnet", "properties": {"addressPrefix": "10.50.2.0/24",
                      "natGateway": {"id": "NET/natGateways/P-nat"}}},
                    {"name": "GatewaySubnet", "id": "VNET/subnets/GatewaySubnet", "properties": {"addressPrefix": "10.50.255.0/27"}}],
                   "virtualNetworkPeerings": [
                    {"name": "P-to-hub", "id": "VNET/virtualNetworkPeerings/P-to-hub", "properties": {"peeringState": "Connected",
                      "remoteVirtualNetwork": {"id": "HUB"}, "allowForwardedTraffic": true, "allowGatewayTransit": true,
                      "useRemoteGateways": false}}]}},
                 {"name": "P-hub", "id": "HUB", "type": "Microsoft.Network/virtualNetworks", "location": "westus",
                  "properties": {"addressSpace": {"addressPrefixes": ["10.60.0.0/16"]},
                   "subnets": [{"name": "P-hub-subnet", "properties": {"addressPrefix": "10.60.1.0/24"}}],
                   "virtualNetworkPeerings": [
                    {"name": "P-hub-to-spoke", "properties": {"peeringState": "Connected", "remoteVirtualNetwork": {"id": "VNET"},
                      "allowForwardedTraffic": false, "allowGatewayTransit": false, "useRemoteGateways": true}}]}},
                 {"name": "P-nsg", "id": "NET/networkSecurityGroups/P-nsg", "type": "Microsoft.Network/networkSecurityGroups",
                  "location": "westus", "etag": "W/\\"11111111-1111-1111-1111-111111111111\\"",
                  "properties": {"securityRules": [
                   {"name": "allow-https", "properties": {"priority": 100, "direction": "Inbound", "access": "Allow", "protocol": "Tcp",
                     "sourceAddressPrefix": "10.60.0.0/16", "sourcePortRange": "*", "destinationAddressPrefix": "*",
                     "destinationPortRange": "443", "description": "HTTPS from the hub"}},
                   {"name": "deny-rdp", "properties": {"priority": 200, "direction": "Inbound", "access": "Deny", "protocol": "*",
                     "sourceAddressPrefixes": ["Internet", "192.0.2.0/24"], "sourcePortRange": "*", "destinationAddressPrefix": "*",
                     "destinationPortRanges": ["3389", "5985-5986"]}},
                   {"name": "allow-sql", "properties": {"priority": 300, "direction": "Outbound", "access": "Allow", "protocol": "Tcp",
                     "sourceApplicationSecurityGroups": [{"id": "NET/applicationSecurityGroups/P-asg"}], "sourcePortRange": "*",
                     "destinationAddressPrefix": "Sql.WestUS", "destinationPortRange": "1433"}}]}},
                 {"name": "P-rt", "id": "NET/routeTables/P-rt", "type": "Microsoft.Network/routeTables", "location": "westus",
                  "properties": {"disableBgpRoutePropagation": true, "routes": [
                   {"name": "to-firewall", "properties": {"addressPrefix": "10.70.0.0/16", "nextHopType": "VirtualAppliance",
                     "nextHopIpAddress": "10.60.1.4"}},
                   {"name": "default-internet", "properties": {"addressPrefix": "0.0.0.0/0", "nextHopType": "Internet"}}]}},
                 {"name": "P-asg", "id": "NET/applicationSecurityGroups/P-asg", "type": "Microsoft.Network/applicationSecurityGroups",
                  "location": "westus"},
                 {"name": "P-nic", "id": "NET/networkInterfaces/P-nic", "type": "Microsoft.Network/networkInterfaces", "location": "westus",
                  "properties": {"ipConfigurations": [{"name": "ipconfig1", "properties": {"primary": true, "privateIPAddress": "10.50.2.4",
                     "subnet": {"id": "VNET/subnets/P-app-subnet"}, "publicIPAddress": {"id": "NET/publicIPAddresses/P-pip"},
                     "applicationSecurityGroups": [{"id": "NET/applicationSecurityGroups/P-asg"}]}}],
                   "networkSecurityGroup": {"id": "NET/networkSecurityGroups/P-nsg"},
                   "virtualMachine": {"id": "SUB/resourceGroups/P-rg/providers/Microsoft.Compute/virtualMachines/P-vm"}}},
                 {"name": "P-pip", "id": "NET/publicIPAddresses/P-pip", "type": "Microsoft.Network/publicIPAddresses", "location": "westus",
                  "properties": {"ipAddress": "52.160.1.3"}},
                 {"name": "P-natip", "id": "NET/publicIPAddresses/P-natip", "type": "Microsoft.Network/publicIPAddresses",
                  "location": "westus", "properties": {"ipAddress": "52.160.1.4"}},
                 {"name": "P-nat", "id": "NET/natGateways/P-nat", "type": "Microsoft.Network/natGateways", "location": "westus",
                  "properties": {"publicIpAddresses": [{"id": "NET/publicIPAddresses/P-natip"}]}},
                 {"name": "P-ase", "id": "WEB/hostingEnvironments/P-ase", "type": "Microsoft.Web/hostingEnvironments", "kind": "ASEV3",
                  "location": "West US", "properties": {"internalLoadBalancingMode": "Web, Publishing",
                   "virtualNetwork": {"id": "VNET/subnets/P-ase-subnet"},
                   "addresses": {"serviceIpAddress": "52.160.1.10", "internalIpAddress": "10.50.1.5",
                     "outboundIpAddresses": ["52.160.1.10", "52.160.1.11"]}}},
                 {"name": "P-app", "id": "WEB/sites/P-app", "type": "Microsoft.Web/sites", "location": "West US",
                  "properties": {"defaultHostName": "P-app.P-ase.appserviceenvironment.net",
                   "hostNames": ["P-app.P-ase.appserviceenvironment.net", "P-app.contoso.com"],
                   "hostingEnvironmentProfile": {"id": "WEB/hostingEnvironments/P-ase"}}},
                 {"name": "P-endpoint", "type": "asegraph/endpoints", "location": "westus", "addresses": ["40.1.2.0/24", "40.1.3.4"],
                  "serviceTag": "Sql.WestUS"},
                 {"name": "P-gw", "id": "NET/virtualNetworkGateways/P-gw", "type": "Microsoft.Network/virtualNetworkGateways",
                  "location": "westus", "properties": {"gatewayType": "Vpn", "ipConfigurations": [{"name": "gwip",
                   "properties": {"subnet": {"id": "VNET/subnets/GatewaySubnet"}}}],
                   "gatewayDefaultSite": {"id": "NET/localNetworkGateways/P-site"},
                   "learnedRoutes": {"value": [{"network": "172.20.0.0/16", "nextHop": "192.168.50.1", "origin": "EBgp"}]}}},
                 {"name": "P-site", "id": "NET/localNetworkGateways/P-site", "type": "Microsoft.Network/localNetworkGateways",
                  "location": "westus", "properties": {"localNetworkAddressSpace": {"addressPrefixes": ["192.168.50.0/24"]},
                   "gatewayIpAddress": "203.0.113.50"}},
                 {"name": "P-conn", "id": "NET/connections/P-conn", "type": "Microsoft.Network/connections", "location": "westus",
                  "properties": {"connectionType": "IPsec", "virtualNetworkGateway1": {"id": "NET/virtualNetworkGateways/P-gw"},
                   "localNetworkGateway2": {"id": "NET/localNetworkGateways/P-site"}}}
                ]""";
        json = json.replace("VNET", vnetId(p))
                .replace("HUB", hubId(p))
                .replace("NET/", net(p) + "/")
                .replace("WEB/", web(p) + "/")
                .replace("SUB/", SUBSCRIPTION + "/")
                .replace("P-", p + "-");
        return (ArrayNode) read(json);
    }

    /** One resource of the estate alone (e.g. {@code only(p, NSG)}), as a document of one resource. */
    static ObjectNode only(String p, int index) {
        return (ObjectNode) estate(p).get(index);
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(JsonNode doc) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the array element or object field at {@code pointer}. */
    static JsonNode remove(JsonNode doc, String pointer) {
        JsonPointer ptr = JsonPointer.compile(pointer);
        JsonNode parent = doc.at(ptr.head());
        String last = ptr.last().getMatchingProperty();
        if (parent instanceof ArrayNode a) {
            a.remove(Integer.parseInt(last));
        } else if (parent instanceof ObjectNode o) {
            o.remove(last);
        } else {
            throw new IllegalArgumentException("nothing at " + pointer);
        }
        return doc;
    }

    /** Sets the value at {@code pointer} (an array index equal to the size appends). */
    static JsonNode set(JsonNode doc, String pointer, String json) {
        JsonPointer ptr = JsonPointer.compile(pointer);
        JsonNode parent = doc.at(ptr.head());
        String last = ptr.last().getMatchingProperty();
        JsonNode value = read(json);
        if (parent instanceof ArrayNode a) {
            int i = Integer.parseInt(last);
            if (i == a.size()) {
                a.add(value);
            } else {
                a.set(i, value);
            }
        } else if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else {
            throw new IllegalArgumentException("no container at " + pointer);
        }
        return doc;
    }
}
