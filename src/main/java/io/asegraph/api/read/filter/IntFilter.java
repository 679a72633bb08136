package io.asegraph.api.read.filter;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("IntFilter")
@Description("Conditions on a number; all given conditions must hold.")
public class IntFilter {
    public Integer eq;
    public List<Integer> in;
    public Integer lt;
    public Integer lte;
    public Integer gt;
    public Integer gte;
}
