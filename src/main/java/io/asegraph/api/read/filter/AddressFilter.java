package io.asegraph.api.read.filter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("AddressFilter")
@Description("Conditions on a set of IPv4 addresses (a prefix, a subnet's prefixes, a rule's resolved source or"
        + " destination); all given conditions must hold. Values are an IPv4 address, a CIDR prefix, * (every"
        + " address), Internet, AzureLoadBalancer, VirtualNetwork (every virtual network address space of the estate)"
        + " or the name of an imported service tag; anything else is INVALID_ARGUMENT. A rule field with an unresolved"
        + " part (a service tag not imported, an ASG without known members) never silently matches: the condition is"
        + " undetermined unless its resolved part already decides it.")
public class AddressFilter {
    @Description("The set holds all of these addresses (e.g. \"10.0.1.5\").")
    public String contains;

    @Description("The set lies entirely within these addresses (e.g. \"10.0.0.0/8\").")
    public String within;

    @Description("The set shares at least one address with these (e.g. \"Internet\", \"192.168.0.0/16\").")
    public String overlaps;
}
