package io.asegraph.api.read.filter;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("IntFilter")
@Description("Conditions on a number; all given conditions must hold.")
public class IntFilter {
    @Description("Equal to this number.")
    public Integer eq;

    @Description("Equal to one of these numbers.")
    public List<Integer> in;

    @Description("Less than this number.")
    public Integer lt;

    @Description("Less than or equal to this number.")
    public Integer lte;

    @Description("Greater than this number.")
    public Integer gt;

    @Description("Greater than or equal to this number.")
    public Integer gte;
}
