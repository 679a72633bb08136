package io.asegraph.api.read.filter;

import io.asegraph.api.path.Access;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("AccessFilter")
@Description("Filter on a rule's access (Allow or Deny).")
public class AccessFilter {
    @Description("Equal to this value.")
    public Access eq;

    @Description("Equal to one of these values.")
    public List<Access> in;
}
