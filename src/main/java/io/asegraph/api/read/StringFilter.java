package io.asegraph.api.read;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("StringFilter")
@Description("Case-insensitive string conditions; all given conditions must hold.")
public class StringFilter {
    @Description("Equal to this text (case-insensitive).")
    public String eq;

    @Description("Equal to one of these texts (case-insensitive).")
    public List<String> in;

    @Description("Contains this text (case-insensitive).")
    public String contains;

    @Description("Starts with this text (case-insensitive).")
    public String startsWith;

    @Description("Ends with this text (case-insensitive).")
    public String endsWith;
}
