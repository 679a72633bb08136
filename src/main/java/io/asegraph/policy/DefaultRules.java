package io.asegraph.policy;

import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import java.util.List;

/** The six default rules every NSG has (azure-semantics §1.3, names and priorities as the ARM API reports them). */
public final class DefaultRules {
    public static final List<SecurityRule> ALL = List.of(
            rule(
                    "AllowVnetInBound",
                    65000,
                    Direction.INBOUND,
                    Access.ALLOW,
                    "VirtualNetwork",
                    "VirtualNetwork",
                    "Allow inbound traffic from all VMs in VNET"),
            rule(
                    "AllowAzureLoadBalancerInBound",
                    65001,
                    Direction.INBOUND,
                    Access.ALLOW,
                    "AzureLoadBalancer",
                    "*",
                    "Allow inbound traffic from azure load balancer"),
            rule("DenyAllInBound", 65500, Direction.INBOUND, Access.DENY, "*", "*", "Deny all inbound traffic"),
            rule(
                    "AllowVnetOutBound",
                    65000,
                    Direction.OUTBOUND,
                    Access.ALLOW,
                    "VirtualNetwork",
                    "VirtualNetwork",
                    "Allow outbound traffic from all VMs to all VMs in VNET"),
            rule(
                    "AllowInternetOutBound",
                    65001,
                    Direction.OUTBOUND,
                    Access.ALLOW,
                    "*",
                    "Internet",
                    "Allow outbound traffic from all VMs to Internet"),
            rule("DenyAllOutBound", 65500, Direction.OUTBOUND, Access.DENY, "*", "*", "Deny all outbound traffic"));

    private DefaultRules() {}

    private static SecurityRule rule(
            String name,
            int priority,
            Direction direction,
            Access access,
            String source,
            String destination,
            String description) {
        return new SecurityRule(
                name,
                priority,
                direction,
                access,
                Protocol.ANY,
                List.of(source),
                List.of(PortRange.ALL),
                List.of(destination),
                List.of(PortRange.ALL),
                List.of(),
                List.of(),
                description,
                true);
    }
}
