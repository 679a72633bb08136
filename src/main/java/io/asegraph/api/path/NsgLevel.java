package io.asegraph.api.path;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("NsgLevel")
@Description("Where an NSG is attached.")
public enum NsgLevel {
    @Description("To the subnet (applies to everything in it).")
    SUBNET,
    @Description("To one network interface.")
    NETWORK_INTERFACE
}
