package io.asegraph.api.whatif;

import io.asegraph.api.path.Protocol;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("FlowQuestion")
@Description("A flow to ask before and after a proposed change, as `flow` takes it.")
public class FlowQuestion {
    @NonNull
    @Description("An app, ASE or network interface")
    public String from;

    @NonNull
    @Description("An app, ASE, network interface, endpoint, host name or IPv4 address")
    public String to;

    @NonNull
    @Description("The destination port, 0-65535")
    public Integer port;

    @DefaultValue("TCP")
    @Description("The protocol (default TCP)")
    public Protocol protocol;
}
