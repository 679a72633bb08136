package io.asegraph.api.read.filter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("SubnetListWhere")
@Description("Conditions on a list of related subnets ({none: {}}: there are none).")
public class SubnetListWhere {
    public SubnetWhere some;
    public SubnetWhere none;
    public SubnetWhere all;
    public SubnetWhere single;
}
