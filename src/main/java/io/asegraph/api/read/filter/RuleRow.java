package io.asegraph.api.read.filter;

import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Access;
import io.asegraph.policy.Direction;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.ResolvedAddresses;
import io.asegraph.policy.SecurityRule;

/**
 * One NSG rule of the estate snapshot with what it admits, resolved once per snapshot: its source and destination
 * addresses ({@code *}, CIDRs, service tags from the imported Service Tags, Internet, AzureLoadBalancer, ASG members;
 * VirtualNetwork as the union of its expansions over the subnets and interfaces the NSG is applied to), unresolved
 * parts named, the fields filters test most copied in (one object read per rule and filter), its port sets (no ports stated is every port), and its key in the shadow analysis' findings.
 */
public record RuleRow(
        NetworkSecurityGroup nsg,
        SecurityRule rule,
        Direction direction,
        Access access,
        Protocol protocol,
        int priority,
        ResolvedAddresses source,
        ResolvedAddresses destination,
        PortSet sourcePorts,
        PortSet destinationPorts,
        String shadowKey) {}
