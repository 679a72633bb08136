package io.asegraph.importing;

import static io.asegraph.importing.Docs.assertProblem;
import static io.asegraph.importing.Docs.onlyProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every validation rule, one edit of the (clean) reference export per row: the edit must produce exactly one
 * problem, at the given location, whose message names the field and the value. Index map of the export:
 * 0 VNet (subnets 0 ase-one, 1 ase-two, 2 db, 3 GatewaySubnet), 1 ase-two-nsg, 2 db-nsg, 3 route table, 4 NIC,
 * 5 VPN gateway, 6 local network gateway, 7 connection, 8-9 ASEs, 10-12 apps, 13-14 endpoints.
 */
class ValidationTest {

    private static void check(String edits, String location, String fragments) {
        ParsedDocument d = Docs.parse(Docs.edit(Docs.reference(), edits));
        ImportProblem p = onlyProblem(d);
        assertProblem(p, location, fragments.split(" \\| "));
        assertTrue(p.position().isPresent(), () -> "no line/column for " + p);
        assertTrue(!d.isValid());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '~',
            quoteCharacter = '`',
            textBlock =
                    """
            /1/properties/securityRules/1/properties/priority=5000 ~ $[1].properties.securityRules[1].properties.priority ~ priority 5000 of rule 'RESTRICT-HTTP' of NSG 'ase-two-nsg' is outside 100-4096
            /1/properties/securityRules/1/properties/priority=99 ~ $[1].properties.securityRules[1].properties.priority ~ priority 99 | outside 100-4096
            /1/properties/securityRules/1/properties/priority="200" ~ $[1].properties.securityRules[1].properties.priority ~ priority of rule 'RESTRICT-HTTP' | must be an integer, got the string '200'
            /1/properties/securityRules/1/properties/priority=null ~ $[1].properties.securityRules[1].properties.priority ~ priority of rule 'RESTRICT-HTTP' | is required
            /1/properties/securityRules/1/properties/priority=100 ~ $[1].properties.securityRules[1].properties.priority ~ priority 100 Inbound of rule 'RESTRICT-HTTP' | already used by rule 'ALLOW-AzureMngmt' at $[1].properties.securityRules[0]
            /1/properties/securityRules/1/name="allow-azuremngmt" ~ $[1].properties.securityRules[1].name ~ name 'allow-azuremngmt' is used by two rules of NSG 'ase-two-nsg' | also at $[1].properties.securityRules[0].name
            /1/properties/securityRules/1/name=null ~ $[1].properties.securityRules[1].name ~ name is required
            /1/properties/securityRules/1/properties/protocol="Tcpx" ~ $[1].properties.securityRules[1].properties.protocol ~ protocol of rule 'RESTRICT-HTTP' | 'Tcpx' is not a protocol
            /1/properties/securityRules/1/properties/access="Permit" ~ $[1].properties.securityRules[1].properties.access ~ access of rule 'RESTRICT-HTTP' | 'Permit' is not an access
            /1/properties/securityRules/1/properties/direction="Sideways" ~ $[1].properties.securityRules[1].properties.direction ~ direction of rule 'RESTRICT-HTTP' | 'Sideways' is not a direction
            /1/properties/securityRules/1/properties/direction=null ~ $[1].properties.securityRules[1].properties.direction ~ direction is required
            /1/properties/securityRules/1/properties/destinationPortRange="80,81" ~ $[1].properties.securityRules[1].properties.destinationPortRange ~ destinationPortRange of rule 'RESTRICT-HTTP' | '80,81' is a comma list
            /1/properties/securityRules/1/properties/destinationPortRange="90-80" ~ $[1].properties.securityRules[1].properties.destinationPortRange ~ destinationPortRange | '90-80' is reversed
            /1/properties/securityRules/1/properties/destinationPortRange="70000" ~ $[1].properties.securityRules[1].properties.destinationPortRange ~ destinationPortRange | '70000' is above 65535
            /1/properties/securityRules/1/properties/destinationPortRange="1000-70000" ~ $[1].properties.securityRules[1].properties.destinationPortRange ~ '1000-70000' goes above 65535
            /1/properties/securityRules/1/properties/sourcePortRange="http" ~ $[1].properties.securityRules[1].properties.sourcePortRange ~ sourcePortRange of rule 'RESTRICT-HTTP' | 'http' is not a port
            /1/properties/securityRules/1/properties/destinationPortRange=null && /1/properties/securityRules/1/properties/destinationPortRanges=["443","80,81"] ~ $[1].properties.securityRules[1].properties.destinationPortRanges[1] ~ destinationPortRanges[1] of rule 'RESTRICT-HTTP' | '80,81' is a comma list
            /1/properties/securityRules/1/properties/destinationPortRange=null ~ $[1].properties.securityRules[1].properties.destinationPortRange ~ rule 'RESTRICT-HTTP' of NSG 'ase-two-nsg' has no destination port range
            /1/properties/securityRules/1/properties/sourceAddressPrefix="10.0.0.5/24" ~ $[1].properties.securityRules[1].properties.sourceAddressPrefix ~ sourceAddressPrefix of rule 'RESTRICT-HTTP' | '10.0.0.5/24' is not a block | 10.0.0.0/24
            /1/properties/securityRules/1/properties/sourceAddressPrefix="10.0.0.256" ~ $[1].properties.securityRules[1].properties.sourceAddressPrefix ~ '10.0.0.256' is not an IPv4 address
            /1/properties/securityRules/1/properties/sourceAddressPrefix="10.0.0.0/33" ~ $[1].properties.securityRules[1].properties.sourceAddressPrefix ~ sourceAddressPrefix | '10.0.0.0/33'
            /1/properties/securityRules/1/properties/sourceAddressPrefix="my servers" ~ $[1].properties.securityRules[1].properties.sourceAddressPrefix ~ 'my servers' is not a CIDR block, an IPv4 address, * or Any, or a service tag name
            /1/properties/securityRules/1/properties/sourceAddressPrefix=null && /1/properties/securityRules/1/properties/sourceAddressPrefixes=["1.2.3.4","Sql/WestUS"] ~ $[1].properties.securityRules[1].properties.sourceAddressPrefixes[1] ~ sourceAddressPrefixes[1] of rule 'RESTRICT-HTTP' | 'Sql/WestUS'
            /1/properties/securityRules/1/properties/sourceAddressPrefix=null ~ $[1].properties.securityRules[1].properties.sourceAddressPrefix ~ rule 'RESTRICT-HTTP' of NSG 'ase-two-nsg' has no source
            /1/properties/securityRules/1/properties/destinationAddressPrefix="" ~ $[1].properties.securityRules[1].properties.destinationAddressPrefix ~ rule 'RESTRICT-HTTP' of NSG 'ase-two-nsg' has no destination
            /1/properties/securityRules/1/properties/sourceAddressPrefix=null && /1/properties/securityRules/1/properties/sourceApplicationSecurityGroups=[{"id":"/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/applicationSecurityGroups/web"}] ~ $[1].properties.securityRules[1].properties.sourceApplicationSecurityGroups[0].id ~ sourceApplicationSecurityGroups[0].id '/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/applicationSecurityGroups/web' of rule 'RESTRICT-HTTP' of NSG 'ase-two-nsg' names an application security group that is neither in this document nor in the graph
            """)
    void reportsSecurityRuleProblemsAtTheirLocation(String edits, String location, String fragments) {
        check(edits, location, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '~',
            quoteCharacter = '`',
            textBlock =
                    """
            /0/properties/addressSpace/addressPrefixes/0="10.0.0.5/16" ~ $[0].properties.addressSpace.addressPrefixes[0] ~ addressPrefixes[0] of virtual network 'ase-vnet' is invalid | '10.0.0.5/16' is not a block
            /0/properties/addressSpace/addressPrefixes=[] ~ $[0].properties.addressSpace.addressPrefixes ~ virtual network 'ase-vnet' | needs at least one IPv4 address prefix
            /0/properties/addressSpace/addressPrefixes/1="10.0.128.0/17" ~ $[0].properties.addressSpace.addressPrefixes ~ 10.0.0.0/16 and 10.0.128.0/17 overlap
            /0/properties/subnets/2/properties/addressPrefix="10.0.2.5/24" ~ $[0].properties.subnets[2].properties.addressPrefix ~ addressPrefix of subnet 'db-subnet' is invalid | '10.0.2.5/24' is not a block
            /0/properties/subnets/2/properties/addressPrefix="10.0.2.0" ~ $[0].properties.subnets[2].properties.addressPrefix ~ addressPrefix of subnet 'db-subnet' | '10.0.2.0' has no prefix length
            /0/properties/subnets/2/properties/addressPrefix=null ~ $[0].properties.subnets[2].properties.addressPrefix ~ addressPrefix of subnet 'db-subnet' is required
            /0/properties/subnets/3/properties/addressPrefix="10.1.255.0/27" ~ $[0].properties.subnets[3].properties.addressPrefix ~ addressPrefix '10.1.255.0/27' of subnet 'GatewaySubnet' is outside the address space [10.0.0.0/16] of its virtual network 'ase-vnet'
            /0/properties/subnets/3/properties/addressPrefix="10.0.1.32/27" ~ $[0].properties.subnets[3].properties.addressPrefix ~ addressPrefix '10.0.1.32/27' of subnet 'GatewaySubnet' overlaps subnet 'ase-one-subnet' (10.0.1.0/26, at $[0].properties.subnets[0].properties.addressPrefix)
            /0/properties/subnets/3/properties/addressPrefix=null && /0/properties/subnets/3/properties/addressPrefixes=["10.0.255.0/27","10.1.0.0/27"] ~ $[0].properties.subnets[3].properties.addressPrefixes[1] ~ addressPrefixes entry '10.1.0.0/27' of subnet 'GatewaySubnet' is outside the address space [10.0.0.0/16]
            /0/properties/subnets/3/properties/addressPrefix=null && /0/properties/subnets/3/properties/addressPrefixes=["10.0.255.0/27","10.0.1.32/27"] ~ $[0].properties.subnets[3].properties.addressPrefixes[1] ~ addressPrefixes entry '10.0.1.32/27' of subnet 'GatewaySubnet' overlaps subnet 'ase-one-subnet' (10.0.1.0/26, at $[0].properties.subnets[0].properties.addressPrefix)
            /0/properties/subnets/3/properties/addressPrefix=null && /0/properties/subnets/3/properties/addressPrefixes=["10.0.255.0/27","10.0.255.0/28"] ~ $[0].properties.subnets[3].properties.addressPrefixes[1] ~ 10.0.255.0/27 and 10.0.255.0/28 overlap; a subnet's prefixes must not overlap
            /0/properties/subnets/3/properties/addressPrefixes=["10.0.254.0/27","10.0.253.0/27"] ~ $[0].properties.subnets[3].properties.addressPrefix ~ addressPrefix '10.0.255.0/27' of subnet 'GatewaySubnet' is not among its addressPrefixes [10.0.254.0/27, 10.0.253.0/27]
            /0/properties/subnets/4={"name":"extra","id":"/subscriptions/x/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/other/subnets/extra","properties":{"addressPrefix":"10.0.3.0/24"}} ~ $[0].properties.subnets[4].id ~ of subnet 'extra' does not belong to its virtual network 'ase-vnet' | expected /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Network/virtualNetworks/ase-vnet/subnets/extra
            /0/properties/subnets/1/properties/networkSecurityGroup/id="/subscriptions/x/nsg/missing" ~ $[0].properties.subnets[1].properties.networkSecurityGroup.id ~ networkSecurityGroup.id '/subscriptions/x/nsg/missing' of subnet 'ase-two-subnet' names a network security group that is neither in this document nor in the graph
            /0/properties/subnets/0/properties/routeTable/id="/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Network/networkSecurityGroups/db-nsg" ~ $[0].properties.subnets[0].properties.routeTable.id ~ routeTable.id | of subnet 'ase-one-subnet' must name a route table, but that id is the network security group at $[2]
            /0/properties/subnets/0/properties/natGateway={"id":"/subscriptions/x/natGateways/nat"} ~ $[0].properties.subnets[0].properties.natGateway.id ~ natGateway.id '/subscriptions/x/natGateways/nat' of subnet 'ase-one-subnet' names a NAT gateway that is neither
            /0/properties/subnets/0/properties/natGateway={"name":"nat"} ~ $[0].properties.subnets[0].properties.natGateway.id ~ id is required
            /0/properties/virtualNetworkPeerings/0={"name":"to-hub","properties":{"peeringState":"Connected","remoteVirtualNetwork":{"id":"/subscriptions/h/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/hub"}}} ~ $[0].properties.virtualNetworkPeerings[0].properties.remoteVirtualNetwork.id ~ remoteVirtualNetwork.id '/subscriptions/h/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/hub' of peering 'to-hub' names a virtual network that is neither
            /0/properties/virtualNetworkPeerings/0={"name":"loop","properties":{"peeringState":"Sleeping","remoteVirtualNetwork":{"id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Network/virtualNetworks/ase-vnet"}}} ~ $[0].properties.virtualNetworkPeerings[0].properties.peeringState ~ peeringState of peering 'loop' | 'Sleeping' is not a peering state
            /0/properties/virtualNetworkPeerings/0={"name":"loop","properties":{"allowGatewayTransit":"yes","peeringState":"Connected","remoteVirtualNetwork":{"id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Network/virtualNetworks/ase-vnet"}}} ~ $[0].properties.virtualNetworkPeerings[0].properties.allowGatewayTransit ~ allowGatewayTransit of peering 'loop' must be true or false, got the string 'yes'
            /3/properties/routes/0/properties/nextHopType="VirtualAppliance" ~ $[3].properties.routes[0].properties.nextHopIpAddress ~ nextHopIpAddress of route 'direct-internet' of route table 'ase-one-routes' is required when nextHopType is VirtualAppliance
            /3/properties/routes/0/properties/nextHopType="VirtualAppliance" && /3/properties/routes/0/properties/nextHopIpAddress="10.0.0" ~ $[3].properties.routes[0].properties.nextHopIpAddress ~ nextHopIpAddress of route 'direct-internet' | must be an IPv4 address | '10.0.0'
            /3/properties/routes/0/properties/nextHopIpAddress="10.0.0.4" ~ $[3].properties.routes[0].properties.nextHopIpAddress ~ nextHopIpAddress '10.0.0.4' of route 'direct-internet' | only allowed when nextHopType is VirtualAppliance (here it is Internet)
            /3/properties/routes/0/properties/nextHopType="Teleport" ~ $[3].properties.routes[0].properties.nextHopType ~ nextHopType of route 'direct-internet' | 'Teleport' is not a next hop type
            /3/properties/routes/0/properties/addressPrefix="0.0.0.1/0" ~ $[3].properties.routes[0].properties.addressPrefix ~ addressPrefix of route 'direct-internet' | '0.0.0.1/0' is not a block
            /3/properties/routes/1={"name":"DIRECT-internet","properties":{"addressPrefix":"10.9.0.0/16","nextHopType":"None"}} ~ $[3].properties.routes[1].name ~ name 'DIRECT-internet' is used by two routes of route table 'ase-one-routes'
            /3/properties/routes/1={"name":"again","properties":{"addressPrefix":"0.0.0.0/0","nextHopType":"None"}} ~ $[3].properties.routes[1].properties.addressPrefix ~ addressPrefix '0.0.0.0/0' of route 'again' | already the prefix of another route
            /3/properties/disableBgpRoutePropagation="no" ~ $[3].properties.disableBgpRoutePropagation ~ disableBgpRoutePropagation of route table 'ase-one-routes' must be true or false
            /4/properties/ipConfigurations/0/properties/privateIPAddress="10.0.3.4" ~ $[4].properties.ipConfigurations[0].properties.privateIPAddress ~ privateIPAddress '10.0.3.4' of network interface 'db-vm-nic' is outside its subnet 'db-subnet' (10.0.2.0/24)
            /4/properties/ipConfigurations/0/properties/privateIPAddress="10.0.2" ~ $[4].properties.ipConfigurations[0].properties.privateIPAddress ~ privateIPAddress of network interface 'db-vm-nic' is not an IPv4 address | '10.0.2'
            /4/properties/ipConfigurations/0/properties/subnet/id="/subscriptions/x/subnets/nowhere" ~ $[4].properties.ipConfigurations[0].properties.subnet.id ~ subnet.id '/subscriptions/x/subnets/nowhere' of network interface 'db-vm-nic' names a subnet that is neither
            /4/properties/ipConfigurations/0/properties/publicIPAddress={"id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Network/localNetworkGateways/onprem-site"} ~ $[4].properties.ipConfigurations[0].properties.publicIPAddress.id ~ publicIPAddress.id | must name a public IP address, but that id is the local network gateway at $[6]
            /4/properties/ipConfigurations/0/properties/applicationSecurityGroups=[{"id":"/subscriptions/x/applicationSecurityGroups/db"}] ~ $[4].properties.ipConfigurations[0].properties.applicationSecurityGroups[0].id ~ applicationSecurityGroups[0].id '/subscriptions/x/applicationSecurityGroups/db' of network interface 'db-vm-nic' names an application security group
            /4/properties/networkSecurityGroup/id="/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Network/routeTables/ase-one-routes" ~ $[4].properties.networkSecurityGroup.id ~ networkSecurityGroup.id | of network interface 'db-vm-nic' must name a network security group, but that id is the route table at $[3]
            /4/properties/ipConfigurations=[] ~ $[4].properties.ipConfigurations ~ ipConfigurations of network interface 'db-vm-nic' is required
            /5/properties/ipConfigurations/0/properties/subnet/id="/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Network/virtualNetworks/ase-vnet/subnets/db-subnet" ~ $[5].properties.ipConfigurations[0].properties.subnet.id ~ of virtual network gateway 'ase-vnet-gw' names subnet 'db-subnet'; a gateway lives in the subnet named GatewaySubnet
            /5/properties/gatewayType="Satellite" ~ $[5].properties.gatewayType ~ gatewayType of virtual network gateway 'ase-vnet-gw' is invalid | 'Satellite' is not a gateway type
            /5/properties/gatewayDefaultSite={"id":"/subscriptions/x/localNetworkGateways/gone"} ~ $[5].properties.gatewayDefaultSite.id ~ gatewayDefaultSite.id '/subscriptions/x/localNetworkGateways/gone' of virtual network gateway 'ase-vnet-gw' names a local network gateway that is neither
            /6/properties/localNetworkAddressSpace/addressPrefixes/0="192.168.1.0/16" ~ $[6].properties.localNetworkAddressSpace.addressPrefixes[0] ~ of local network gateway 'onprem-site' is invalid | '192.168.1.0/16' is not a block
            /6/properties/gatewayIpAddress="203.0.113" ~ $[6].properties.gatewayIpAddress ~ gatewayIpAddress of local network gateway 'onprem-site' is not an IPv4 address
            /7/properties/connectionType="Carrier pigeon" ~ $[7].properties.connectionType ~ connectionType 'Carrier pigeon' of connection 'ase-vnet-to-onprem' is not a connection type
            /7/properties/localNetworkGateway2/id="/subscriptions/x/localNetworkGateways/gone" ~ $[7].properties.localNetworkGateway2.id ~ localNetworkGateway2.id '/subscriptions/x/localNetworkGateways/gone' of connection 'ase-vnet-to-onprem' names a local network gateway that is neither
            /7/properties/localNetworkGateway2=null ~ $[7].properties.localNetworkGateway2 ~ localNetworkGateway2.id is required: connection 'ase-vnet-to-onprem' must name its local network gateway
            /7/properties/virtualNetworkGateway1/id="/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Network/localNetworkGateways/onprem-site" ~ $[7].properties.virtualNetworkGateway1.id ~ virtualNetworkGateway1.id | must name a virtual network gateway, but that id is the local network gateway at $[6]
            /7/properties/connectionType="Vnet2Vnet" && /7/properties/localNetworkGateway2=null ~ $[7].properties.virtualNetworkGateway2 ~ virtualNetworkGateway2.id is required
            /7/properties/virtualNetworkGateway2={"id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Network/virtualNetworkGateways/ase-vnet-gw"} ~ $[7].properties.virtualNetworkGateway2 ~ virtualNetworkGateway2 of connection 'ase-vnet-to-onprem' is not allowed in an IPsec connection
            /8/properties/virtualNetwork/subnet="no-such-subnet" ~ $[8].properties.virtualNetwork.id ~ subnet (from virtualNetwork) '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Network/virtualNetworks/ase-vnet/subnets/no-such-subnet' of App Service Environment 'ase-one' names a subnet that is neither in this document nor in the graph
            /8/properties/virtualNetwork/subnet=null ~ $[8].properties.virtualNetwork.subnet ~ virtualNetwork.subnet of App Service Environment 'ase-one' is required | names a virtual network, not a subnet
            /8/properties/virtualNetwork=null ~ $[8].properties.virtualNetwork ~ virtualNetwork of App Service Environment 'ase-one' is required
            /8/properties/addresses/serviceIpAddress="192.23.1" ~ $[8].properties.addresses.serviceIpAddress ~ serviceIpAddress of App Service Environment 'ase-one' is not an IPv4 address | '192.23.1'
            /8/properties/addresses/outboundIpAddresses/1="gateway" ~ $[8].properties.addresses.outboundIpAddresses[1] ~ outboundIpAddresses[1] of App Service Environment 'ase-one' is not an IPv4 address | 'gateway'
            /8/properties/addresses/vipMappings/0={"virtualIp":"192.23.1.300","internalHttpPort":20000} ~ $[8].properties.addresses.vipMappings[0].virtualIp ~ virtualIp of App Service Environment 'ase-one' is not an IPv4 address | '192.23.1.300'
            /8/properties/addresses/internalIpAddress="10.9.9.9" ~ $[8].properties.addresses.internalIpAddress ~ internal address '10.9.9.9' of App Service Environment 'ase-one' is outside its subnet 'ase-one-subnet' (10.0.1.0/26)
            /8/kind="ASEV9" ~ $[8].kind ~ kind of App Service Environment 'ase-one' is invalid | 'ASEV9' is not an ASE kind
            /8/properties/internalLoadBalancingMode="Sometimes" ~ $[8].properties.internalLoadBalancingMode ~ internalLoadBalancingMode 'Sometimes' of App Service Environment 'ase-one'
            /10/properties/hostingEnvironmentProfile/id="/subscriptions/x/hostingEnvironments/gone" ~ $[10].properties.hostingEnvironmentProfile.id ~ hostingEnvironmentProfile.id '/subscriptions/x/hostingEnvironments/gone' of app 'app1' names an App Service Environment that is neither
            /10/properties/hostingEnvironmentProfile/id="/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Network/virtualNetworks/ase-vnet" ~ $[10].properties.hostingEnvironmentProfile.id ~ must name an App Service Environment, but that id is the virtual network at $[0]
            /13/addresses/0="40.112.240.1/20" ~ $[13].addresses[0] ~ addresses[0] of endpoint 'azure-sql-westus' is invalid | '40.112.240.1/20' is not a block
            /13/addresses=[] ~ $[13].addresses ~ addresses of endpoint 'azure-sql-westus' is required
            /13/serviceTag="Sql West US" ~ $[13].serviceTag ~ serviceTag 'Sql West US' of endpoint 'azure-sql-westus' is not a service tag name
            /7/id=null ~ $[7].id ~ id is required: every resource needs its Azure resource id
            /7/id="connections/ase-vnet-to-onprem" ~ $[7].id ~ id 'connections/ase-vnet-to-onprem' is not a resource id
            /7/name=null ~ $[7].name ~ name is required: every resource needs a name
            /7/type=null ~ $[7].type ~ type is required: every resource needs its ARM type
            /7/type=42 ~ $[7].type ~ type must be a string, got the number 42
            /14/id="/ASEGRAPH/endpoints/AZURE-SQL-westus" ~ $[14].id ~ id '/ASEGRAPH/endpoints/AZURE-SQL-westus' appears twice in this document: this endpoint and the endpoint at $[13]
            /1/properties="rules" ~ $[1].properties ~ properties must be an object, got the string 'rules'
            """)
    void reportsResourceProblemsAtTheirLocation(String edits, String location, String fragments) {
        check(edits, location, fragments);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '~',
            quoteCharacter = '`',
            textBlock =
                    """
            /1/properties/securityRules/1/properties/sourceAddressPrefix="Any"
            /1/properties/securityRules/1/properties/sourceAddressPrefix="*"
            /1/properties/securityRules/1/properties/sourceAddressPrefix="0.0.0.0/0"
            /1/properties/securityRules/1/properties/sourceAddressPrefix="10.1.2.3"
            /1/properties/securityRules/1/properties/sourceAddressPrefix="Storage.WestUS"
            /1/properties/securityRules/1/properties/sourceAddressPrefix="VIRTUAL_NETWORK"
            /1/properties/securityRules/1/properties/sourceAddressPrefix="AzureFrontDoor.Backend"
            /1/properties/securityRules/1/properties/priority=4096
            /1/properties/securityRules/1/properties/priority=100 && /1/properties/securityRules/1/properties/direction="Outbound"
            /1/properties/securityRules/1/properties/destinationPortRange="0-65535"
            /1/properties/securityRules/1/properties/protocol="*"
            /1/properties/securityRules/1/properties/protocol="Icmp"
            /3/properties/routes/0/properties/nextHopType="VirtualAppliance" && /3/properties/routes/0/properties/nextHopIpAddress="10.0.2.10"
            /3/properties/routes/0/properties/addressPrefix="Storage"
            /3/properties/routes/0/properties/nextHopIpAddress=""
            /8/kind="ASEV2"
            /8/properties/internalLoadBalancingMode="Web, Publishing"
            /0/properties/subnets/3/properties/addressPrefix=null && /0/properties/subnets/3/properties/addressPrefixes=["10.0.255.0/27"]
            /0/properties/subnets/3/properties/addressPrefix=null && /0/properties/subnets/3/properties/addressPrefixes=["10.0.255.0/27","10.0.254.0/27"]
            /0/properties/subnets/3/properties/addressPrefixes=["10.0.254.0/27","10.0.255.0/27","fd00:db8::/64"]
            """)
    void acceptsValidVariants(String edits) {
        ParsedDocument d = Docs.parse(Docs.edit(Docs.reference(), edits));
        assertEquals(java.util.List.of(), d.problems());
    }

    @org.junit.jupiter.api.Test
    void reportsEveryProblemOfADocumentInDocumentOrder() {
        ParsedDocument d = Docs.parse(Docs.edit(
                Docs.reference(),
                String.join(
                        " && ",
                        "/0/properties/subnets/3/properties/addressPrefix=\"10.0.1.32/27\"",
                        "/1/properties/securityRules/0/properties/priority=5000",
                        "/1/properties/securityRules/2/properties/destinationPortRange=\"80,81\"",
                        "/3/properties/routes/0/properties/nextHopType=\"VirtualAppliance\"",
                        "/4/properties/ipConfigurations/0/properties/privateIPAddress=\"10.0.3.4\"",
                        "/7/name=null",
                        "/13/addresses/0=\"40.112.240.1/20\"")));
        assertEquals(
                java.util.List.of(
                        "$[1].properties.securityRules[0].properties.priority",
                        "$[1].properties.securityRules[2].properties.destinationPortRange",
                        "$[3].properties.routes[0].properties.nextHopIpAddress",
                        "$[7].name",
                        "$[13].addresses[0]",
                        "$[0].properties.subnets[3].properties.addressPrefix",
                        "$[4].properties.ipConfigurations[0].properties.privateIPAddress"),
                d.problems().stream().map(ImportProblem::location).toList());
        assertTrue(d.problems().stream().allMatch(p -> p.position().isPresent()));
    }

    @org.junit.jupiter.api.Test
    void givesTheLineAndColumnOfTheOffendingValue() {
        String text = Docs.text(Docs.edit(Docs.reference(), "/2/properties/securityRules/1/properties/priority=7777"));
        ImportProblem p = onlyProblem(ImportParser.parse(text));
        String[] lines = text.split("\n", -1);
        int line = p.position().orElseThrow().line();
        assertTrue(lines[line - 1].contains("\"priority\" : 7777"), () -> "line " + line + " is " + lines[line - 1]);
        assertEquals(
                lines[line - 1].indexOf("7777") + 1, p.position().orElseThrow().column());
        assertEquals("7777", p.value());
        assertTrue(p.toString()
                .startsWith("$[2].properties.securityRules[1].properties.priority (line " + line + ", column "));
    }

    @org.junit.jupiter.api.Test
    void placesAMissingFieldAtItsEnclosingObject() {
        String text = Docs.text(Docs.edit(Docs.reference(), "/7/name=null"));
        ImportProblem p = onlyProblem(ImportParser.parse(text));
        String[] lines = text.split("\n", -1);
        assertTrue(lines[p.position().orElseThrow().line() - 1].contains("\"name\" : null"));
    }
}
