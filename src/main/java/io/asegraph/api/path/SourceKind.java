package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("SourceKind")
@Description("How the source address of a call is decided.")
public enum SourceKind {
    @Description("The ASE's public VIP (its outbound NAT address).")
    PUBLIC_VIP,
    @Description("The public address of a NAT gateway attached to the subnet.")
    NAT_GATEWAY,
    @Description("Some address in the source subnet's CIDR; which one is not fixed.")
    SUBNET_RANGE,
    @Description("One private address (a network interface's).")
    PRIVATE_ADDRESS,
    @Description("The public address(es) of the Azure Firewall the call leaves through (SNAT); all of them in"
            + " `addresses`.")
    AZURE_FIREWALL,
    @Description("A network interface's own public IP address.")
    PUBLIC_IP,
    @Description("Decided outside the model (forced tunnelling, a virtual appliance); see reason.")
    UNDETERMINED,
    @Description("The call cannot be delivered (no route, or a destination in the ASE's own subnet).")
    UNREACHABLE
}
