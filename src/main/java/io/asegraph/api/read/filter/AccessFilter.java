package io.asegraph.api.read.filter;

import io.asegraph.api.path.Access;
import java.util.List;
import org.eclipse.microprofile.graphql.Input;

@Input("AccessFilter")
public class AccessFilter {
    public Access eq;
    public List<Access> in;
}
