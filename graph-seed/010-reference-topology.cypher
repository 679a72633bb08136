// The reference topology of the seed document (App Service Environment network architecture overview, 2015):
// region West US, VNet ase-vnet 10.0.0.0/16; ase-one (ASEV1, external) in 10.0.1.0/26 with public VIP
// 192.23.1.2; ase-two in 10.0.1.64/26 whose NSG admits 80/443 only from 192.23.1.2; a database VM in
// db-subnet with an NSG on TCP 1433; Azure SQL (West US) and Azure Storage (East US) as public endpoints;
// on-premises 192.168.0.0/16 behind a VPN gateway; a 0.0.0.0/0 -> Internet user route on ase-one-subnet.
// Each node has key (lower-case id), id, name, nameKey (lower-case name) and location.
WITH '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Network' AS net
CREATE (v:VirtualNetwork {id: net + '/virtualNetworks/ase-vnet', name: 'ase-vnet', location: 'westus', addressPrefixes: ['10.0.0.0/16']})
CREATE (s1:Subnet {id: net + '/virtualNetworks/ase-vnet/subnets/ase-one-subnet', name: 'ase-one-subnet', location: 'westus', addressPrefix: '10.0.1.0/26'})
CREATE (s2:Subnet {id: net + '/virtualNetworks/ase-vnet/subnets/ase-two-subnet', name: 'ase-two-subnet', location: 'westus', addressPrefix: '10.0.1.64/26'})
CREATE (s3:Subnet {id: net + '/virtualNetworks/ase-vnet/subnets/db-subnet', name: 'db-subnet', location: 'westus', addressPrefix: '10.0.2.0/24'})
CREATE (s4:Subnet {id: net + '/virtualNetworks/ase-vnet/subnets/GatewaySubnet', name: 'GatewaySubnet', location: 'westus', addressPrefix: '10.0.255.0/27'})
CREATE (v)-[:HAS_SUBNET]->(s1), (v)-[:HAS_SUBNET]->(s2), (v)-[:HAS_SUBNET]->(s3), (v)-[:HAS_SUBNET]->(s4)
CREATE (rt:RouteTable {id: net + '/routeTables/ase-one-routes', name: 'ase-one-routes', location: 'westus', disableBgpRoutePropagation: false})
CREATE (r1:Route {id: net + '/routeTables/ase-one-routes/routes/direct-internet', name: 'direct-internet', addressPrefix: '0.0.0.0/0', nextHopType: 'Internet'})
CREATE (rt)-[:HAS_ROUTE]->(r1)
CREATE (s1)-[:ROUTED_BY]->(rt)
CREATE (nsg2:NetworkSecurityGroup {id: net + '/networkSecurityGroups/ase-two-nsg', name: 'ase-two-nsg', location: 'westus', etag: 'W/"00000000-0000-0000-0000-000000000001"'})
CREATE (nsg2)-[:HAS_RULE]->(:SecurityRule {id: net + '/networkSecurityGroups/ase-two-nsg/securityRules/ALLOW-AzureMngmt', name: 'ALLOW-AzureMngmt', priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp',
  sourceAddressPrefixes: ['Internet'], sourcePortRanges: ['*'], destinationAddressPrefixes: ['*'], destinationPortRanges: ['454-455'],
  sourceApplicationSecurityGroups: [], destinationApplicationSecurityGroups: [], description: 'Azure management of the ASE (required)'})
CREATE (nsg2)-[:HAS_RULE]->(:SecurityRule {id: net + '/networkSecurityGroups/ase-two-nsg/securityRules/RESTRICT-HTTP', name: 'RESTRICT-HTTP', priority: 200, direction: 'Inbound', access: 'Allow', protocol: 'Tcp',
  sourceAddressPrefixes: ['192.23.1.2/32'], sourcePortRanges: ['*'], destinationAddressPrefixes: ['*'], destinationPortRanges: ['80'],
  sourceApplicationSecurityGroups: [], destinationApplicationSecurityGroups: [], description: 'HTTP only from ase-one (its VIP)'})
CREATE (nsg2)-[:HAS_RULE]->(:SecurityRule {id: net + '/networkSecurityGroups/ase-two-nsg/securityRules/RESTRICT-HTTPS', name: 'RESTRICT-HTTPS', priority: 300, direction: 'Inbound', access: 'Allow', protocol: 'Tcp',
  sourceAddressPrefixes: ['192.23.1.2/32'], sourcePortRanges: ['*'], destinationAddressPrefixes: ['*'], destinationPortRanges: ['443'],
  sourceApplicationSecurityGroups: [], destinationApplicationSecurityGroups: [], description: 'HTTPS only from ase-one (its VIP)'})
CREATE (s2)-[:SECURED_BY]->(nsg2)
CREATE (dbnsg:NetworkSecurityGroup {id: net + '/networkSecurityGroups/db-nsg', name: 'db-nsg', location: 'westus', etag: 'W/"00000000-0000-0000-0000-000000000002"'})
CREATE (dbnsg)-[:HAS_RULE]->(:SecurityRule {id: net + '/networkSecurityGroups/db-nsg/securityRules/allow-sql-from-ase-one', name: 'allow-sql-from-ase-one', priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp',
  sourceAddressPrefixes: ['10.0.1.0/26'], sourcePortRanges: ['*'], destinationAddressPrefixes: ['*'], destinationPortRanges: ['1433'],
  sourceApplicationSecurityGroups: [], destinationApplicationSecurityGroups: [], description: 'SQL from every worker of ase-one'})
CREATE (dbnsg)-[:HAS_RULE]->(:SecurityRule {id: net + '/networkSecurityGroups/db-nsg/securityRules/deny-sql-from-vnet', name: 'deny-sql-from-vnet', priority: 200, direction: 'Inbound', access: 'Deny', protocol: 'Tcp',
  sourceAddressPrefixes: ['VirtualNetwork'], sourcePortRanges: ['*'], destinationAddressPrefixes: ['*'], destinationPortRanges: ['1433'],
  sourceApplicationSecurityGroups: [], destinationApplicationSecurityGroups: [], description: 'No other SQL client in the VNet'})
CREATE (nic:NetworkInterface {id: net + '/networkInterfaces/db-vm-nic', name: 'db-vm-nic', location: 'westus', privateIpAddress: '10.0.2.4',
  virtualMachine: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers/Microsoft.Compute/virtualMachines/db-vm'})
CREATE (nic)-[:IN_SUBNET]->(s3)
CREATE (nic)-[:SECURED_BY]->(dbnsg)
CREATE (gw:VirtualNetworkGateway {id: net + '/virtualNetworkGateways/ase-vnet-gw', name: 'ase-vnet-gw', location: 'westus', gatewayType: 'Vpn', learnedRoutes: []})
CREATE (gw)-[:IN_VNET]->(v)
CREATE (lng:LocalNetworkGateway {id: net + '/localNetworkGateways/onprem-site', name: 'onprem-site', location: 'westus', addressPrefixes: ['192.168.0.0/16'], gatewayIpAddress: '203.0.113.10'})
CREATE (gw)-[:CONNECTS {id: net + '/connections/ase-vnet-to-onprem', name: 'ase-vnet-to-onprem', type: 'IPsec'}]->(lng);

WITH '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers' AS p
MATCH (s1:Subnet {name: 'ase-one-subnet'}), (s2:Subnet {name: 'ase-two-subnet'})
CREATE (a1:AppServiceEnvironment {id: p + '/Microsoft.Web/hostingEnvironments/ase-one', name: 'ase-one', location: 'westus', kind: 'ASEV1',
  internalLoadBalancingMode: 'None', publicVip: '192.23.1.2', outboundAddresses: ['192.23.1.2']})
CREATE (a2:AppServiceEnvironment {id: p + '/Microsoft.Web/hostingEnvironments/ase-two', name: 'ase-two', location: 'westus', kind: 'ASEV1',
  internalLoadBalancingMode: 'None', publicVip: '192.23.2.4', outboundAddresses: ['192.23.2.4']})
CREATE (a1)-[:DEPLOYED_IN]->(s1), (a2)-[:DEPLOYED_IN]->(s2)
CREATE (:App {id: p + '/Microsoft.Web/sites/app1', name: 'app1', location: 'westus', defaultHostName: 'app1.ase-one.p.azurewebsites.net',
  hostNames: ['app1.ase-one.p.azurewebsites.net']})-[:HOSTED_ON]->(a1)
CREATE (:App {id: p + '/Microsoft.Web/sites/app2', name: 'app2', location: 'westus', defaultHostName: 'app2.ase-one.p.azurewebsites.net',
  hostNames: ['app2.ase-one.p.azurewebsites.net']})-[:HOSTED_ON]->(a1)
CREATE (:App {id: p + '/Microsoft.Web/sites/orders-api', name: 'orders-api', location: 'westus', defaultHostName: 'orders-api.ase-two.p.azurewebsites.net',
  hostNames: ['orders-api.ase-two.p.azurewebsites.net', 'orders.contoso.com']})-[:HOSTED_ON]->(a2)
CREATE (:Endpoint {id: '/asegraph/endpoints/azure-sql-westus', name: 'azure-sql-westus', location: 'westus', addresses: ['40.112.240.0/20'], serviceTag: 'Sql.WestUS'})
CREATE (:Endpoint {id: '/asegraph/endpoints/azure-storage-eastus', name: 'azure-storage-eastus', location: 'eastus', addresses: ['20.38.98.0/24'], serviceTag: 'Storage.EastUS'});

// Derived properties shared by every node: the normalised key and the lower-case name.
MATCH (n) WHERE n.id IS NOT NULL SET n.key = toLower(n.id), n.nameKey = toLower(n.name);
MATCH (a:App) SET a.hostNameKeys = [h IN a.hostNames | toLower(h)];
MATCH ()-[c:CONNECTS|PEERED_WITH]->() SET c.key = toLower(c.id), c.nameKey = toLower(c.name)
