package io.asegraph.api.read;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("ResourceWhere")
@Description("Filters for listings; all given conditions must hold.")
public class ResourceWhere {
    @Description("The resource name (case-insensitive).")
    public StringFilter name;

    @Description("The Azure region, e.g. westus (eq or in).")
    public StringFilter location;

    @Description("Only for environments: ASEV1, ASEV2 or ASEV3 (eq or in).")
    public StringFilter kind;

    @Description("Only for subnets, virtual networks and endpoints: those whose address space holds this IPv4 address.")
    public String containsAddress;
}
