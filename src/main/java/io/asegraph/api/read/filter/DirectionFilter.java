package io.asegraph.api.read.filter;

import io.asegraph.api.path.Direction;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;

@Input("DirectionFilter")
public class DirectionFilter {
    public Direction eq;
    public List<Direction> in;
}
