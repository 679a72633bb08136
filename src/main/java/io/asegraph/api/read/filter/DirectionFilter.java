package io.asegraph.api.read.filter;

import io.asegraph.api.path.Direction;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("DirectionFilter")
@Description("Filter on a rule's direction (Inbound or Outbound).")
public class DirectionFilter {
    @Description("Equal to this value.")
    public Direction eq;

    @Description("Equal to one of these values.")
    public List<Direction> in;
}
