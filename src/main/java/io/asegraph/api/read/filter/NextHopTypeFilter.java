package io.asegraph.api.read.filter;

import io.asegraph.api.path.NextHopType;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("NextHopTypeFilter")
@Description("Filter on a route's next hop type.")
public class NextHopTypeFilter {
    @Description("Equal to this value.")
    public NextHopType eq;

    @Description("Equal to one of these values.")
    public List<NextHopType> in;
}
