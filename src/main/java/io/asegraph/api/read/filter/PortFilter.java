package io.asegraph.api.read.filter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("PortFilter")
@Description("Conditions on a rule's port ranges (* is 0-65535); all given conditions must hold.")
public class PortFilter {
    @Description("The ranges include this port (0-65535).")
    public Integer includes;

    @Description("The ranges share a port with this port or range (\"1000-2000\", \"443\", \"*\").")
    public String overlaps;

    @Description("The ranges lie entirely within this port or range.")
    public String within;
}
