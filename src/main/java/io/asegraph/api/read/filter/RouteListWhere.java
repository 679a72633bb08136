package io.asegraph.api.read.filter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("RouteListWhere")
@Description("Conditions on a route table's routes ({none: {}}: it has none).")
public class RouteListWhere {
    public RouteWhere some;
    public RouteWhere none;
    public RouteWhere all;
    public RouteWhere single;
}
