// asegraph schema: a uniqueness constraint on the normalised id (`key`) of every label, then lookup indexes.
// `key` is the Azure resource id in lower case (ARM ids are case-insensitive); `id` keeps the original spelling.
CREATE CONSTRAINT virtual_network_key IF NOT EXISTS FOR (n:VirtualNetwork) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT subnet_key IF NOT EXISTS FOR (n:Subnet) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT ase_key IF NOT EXISTS FOR (n:AppServiceEnvironment) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT app_key IF NOT EXISTS FOR (n:App) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT nic_key IF NOT EXISTS FOR (n:NetworkInterface) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT endpoint_key IF NOT EXISTS FOR (n:Endpoint) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT nsg_key IF NOT EXISTS FOR (n:NetworkSecurityGroup) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT rule_key IF NOT EXISTS FOR (n:SecurityRule) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT route_table_key IF NOT EXISTS FOR (n:RouteTable) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT route_key IF NOT EXISTS FOR (n:Route) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT vnet_gateway_key IF NOT EXISTS FOR (n:VirtualNetworkGateway) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT local_gateway_key IF NOT EXISTS FOR (n:LocalNetworkGateway) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT nat_gateway_key IF NOT EXISTS FOR (n:NatGateway) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT public_ip_key IF NOT EXISTS FOR (n:PublicIpAddress) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT asg_key IF NOT EXISTS FOR (n:ApplicationSecurityGroup) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT service_tag_key IF NOT EXISTS FOR (n:ServiceTag) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT azure_firewall_key IF NOT EXISTS FOR (n:AzureFirewall) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT firewall_policy_key IF NOT EXISTS FOR (n:FirewallPolicy) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT rule_collection_group_key IF NOT EXISTS FOR (n:FirewallRuleCollectionGroup) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT ip_group_key IF NOT EXISTS FOR (n:IpGroup) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT private_endpoint_key IF NOT EXISTS FOR (n:PrivateEndpoint) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (n:AsegraphMeta) REQUIRE n.key IS UNIQUE;
// Lookups by name (references by unique name), host name and address.
CREATE INDEX virtual_network_name IF NOT EXISTS FOR (n:VirtualNetwork) ON (n.nameKey);
CREATE INDEX subnet_name IF NOT EXISTS FOR (n:Subnet) ON (n.nameKey);
CREATE INDEX ase_name IF NOT EXISTS FOR (n:AppServiceEnvironment) ON (n.nameKey);
CREATE INDEX app_name IF NOT EXISTS FOR (n:App) ON (n.nameKey);
CREATE INDEX nic_name IF NOT EXISTS FOR (n:NetworkInterface) ON (n.nameKey);
CREATE INDEX endpoint_name IF NOT EXISTS FOR (n:Endpoint) ON (n.nameKey);
CREATE INDEX nsg_name IF NOT EXISTS FOR (n:NetworkSecurityGroup) ON (n.nameKey);
CREATE INDEX route_table_name IF NOT EXISTS FOR (n:RouteTable) ON (n.nameKey);
CREATE INDEX vnet_gateway_name IF NOT EXISTS FOR (n:VirtualNetworkGateway) ON (n.nameKey);
CREATE INDEX local_gateway_name IF NOT EXISTS FOR (n:LocalNetworkGateway) ON (n.nameKey);
CREATE INDEX azure_firewall_name IF NOT EXISTS FOR (n:AzureFirewall) ON (n.nameKey);
CREATE INDEX nat_gateway_name IF NOT EXISTS FOR (n:NatGateway) ON (n.nameKey);
CREATE INDEX public_ip_name IF NOT EXISTS FOR (n:PublicIpAddress) ON (n.nameKey);
CREATE INDEX asg_name IF NOT EXISTS FOR (n:ApplicationSecurityGroup) ON (n.nameKey);
CREATE INDEX app_host_name IF NOT EXISTS FOR (n:App) ON (n.defaultHostName);
CREATE INDEX app_host_names IF NOT EXISTS FOR (n:App) ON (n.hostNameKeys);
CREATE INDEX nic_address IF NOT EXISTS FOR (n:NetworkInterface) ON (n.privateIpAddress);
CREATE INDEX ase_vip IF NOT EXISTS FOR (n:AppServiceEnvironment) ON (n.publicVip);
CREATE INDEX public_ip_address IF NOT EXISTS FOR (n:PublicIpAddress) ON (n.ipAddress);
CREATE INDEX peering_key IF NOT EXISTS FOR ()-[r:PEERED_WITH]-() ON (r.key);
CREATE INDEX connection_key IF NOT EXISTS FOR ()-[r:CONNECTS]-() ON (r.key);
CREATE INDEX change_version IF NOT EXISTS FOR (n:Change) ON (n.version);
CREATE INDEX resource_version_version IF NOT EXISTS FOR (n:ResourceVersion) ON (n.version);
CREATE INDEX resource_version_stage IF NOT EXISTS FOR (n:ResourceVersion) ON (n.stage)
