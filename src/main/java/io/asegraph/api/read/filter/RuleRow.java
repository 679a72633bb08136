package io.asegraph.api.read.filter;

import io.asegraph.net.PortSet;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.ResolvedAddresses;
import io.asegraph.policy.SecurityRule;

/**
 * One NSG rule of the estate snapshot with what it admits, resolved once per snapshot: its source and destination
 * addresses ({@code *}, CIDRs, service tags from the imported Service Tags, Internet, AzureLoadBalancer, ASG members;
 * VirtualNetwork as the union of its expansions over the subnets and interfaces the NSG is applied to), unresolved
 * parts named, its port sets (no ports stated is every port), and its key in the shadow analysis' findings.
 */
public record RuleRow(
        NetworkSecurityGroup nsg,
        SecurityRule rule,
        ResolvedAddresses source,
        ResolvedAddresses destination,
        PortSet sourcePorts,
        PortSet destinationPorts,
        String shadowKey) {}
