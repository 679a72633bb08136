package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("Direction")
@Description("Which traffic an NSG rule applies to (Azure's `direction`).")
public enum Direction {
    @Description("Traffic arriving at the subnet or network interface (Azure: Inbound).")
    INBOUND,
    @Description("Traffic leaving the subnet or network interface (Azure: Outbound).")
    OUTBOUND
}
