package io.asegraph.api.read.filter;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("SecurityRuleListWhere")
@Description("Conditions on an NSG's user rules.")
public class SecurityRuleListWhere {
    public SecurityRuleWhere some;
    public SecurityRuleWhere none;
    public SecurityRuleWhere all;
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
