package io.asegraph.api.read.filter;

import io.asegraph.api.path.NextHopType;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;

@Input("NextHopTypeFilter")
public class NextHopTypeFilter {
    public NextHopType eq;
    public List<NextHopType> in;
}
