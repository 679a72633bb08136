package io.asegraph.api.read.filter;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("SecurityRuleListWhere")
@Description("Conditions on an NSG's user rules.")
public class SecurityRuleListWhere {
    @Description("At least one related resource matches this filter.")
    public SecurityRuleWhere some;

    @Description("No related resource matches this filter ({} means: there are none).")
    public SecurityRuleWhere none;

    @Description("Every related resource matches this filter (true when there are none).")
    public SecurityRuleWhere all;

    @Description("Exactly one related resource matches this filter.")
    public SecurityRuleWhere single;

    /** Adds the conditions of {@code l} (none when null) on the related rows {@code get} gives. */
    static <P> void apply(
            List<Pred<P>> out,
            SecurityRuleListWhere l,
            String path,
            Scope scope,
            Function<P, ? extends Collection<RuleRow>> get) {
        if (l != null) {
            Relations.list(
                    out, l.some, l.none, l.all, l.single, path, (w, p) -> SecurityRuleWhere.compile(w, p, scope), get);
        }
    }
}
