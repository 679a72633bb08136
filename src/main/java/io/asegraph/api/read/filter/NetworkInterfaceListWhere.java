package io.asegraph.api.read.filter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("NetworkInterfaceListWhere")
@Description("Conditions on a list of related network interfaces ({none: {}}: there are none).")
public class NetworkInterfaceListWhere {
    public NetworkInterfaceWhere some;
    public NetworkInterfaceWhere none;
    public NetworkInterfaceWhere all;
    public NetworkInterfaceWhere single;
}
