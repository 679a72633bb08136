package io.asegraph.api.read;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("StringFilter")
@Description("Case-insensitive string conditions; all given conditions must hold.")
public class StringFilter {
    public String eq;
    public List<String> in;
    public String contains;
    public String startsWith;
    public String endsWith;
}
