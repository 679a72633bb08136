package io.asegraph.api.read.filter;

import io.asegraph.api.path.Protocol;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("ProtocolFilter")
@Description("The protocol as the rule states it: ANY is a rule on * (eq: TCP does not match a * rule).")
public class ProtocolFilter {
    @Description("Equal to this protocol.")
    public Protocol eq;

    @Description("Equal to one of these protocols.")
    public List<Protocol> in;
}
