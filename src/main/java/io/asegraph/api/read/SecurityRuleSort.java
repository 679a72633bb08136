package io.asegraph.api.read;

import io.asegraph.api.InvalidArgumentException;
import io.asegraph.api.read.ResourceSort.SortDirection;
import io.asegraph.api.read.filter.RuleRow;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("SecurityRuleSort")
@Description("One sort key of securityRules, as the Neo4j GraphQL Library writes them: exactly one field with ASC or"
        + " DESC, e.g. {priority: ASC}. Several apply in order; the default order (NSG name, direction, priority)"
        + " breaks ties.")
public class SecurityRuleSort {
    @Description("Order by priority: ASC or DESC.")
    public SortDirection priority;

    @Description("By rule name (case-insensitive).")
    public SortDirection name;

    @Description("By the NSG's name (case-insensitive).")
    public SortDirection networkSecurityGroup;

    @Description("Inbound before outbound (ASC).")
    public SortDirection direction;

    @Description("Allow before deny (ASC).")
    public SortDirection access;

    /** The order of {@code sort} (null: the default order, which the rows already have). */
    static Comparator<RuleRow> order(List<SecurityRuleSort> sort) {
        if (sort == null || sort.isEmpty()) {
            return null;
        }
        Comparator<RuleRow> out = null;
        for (int i = 0; i < sort.size(); i++) {
            Comparator<RuleRow> key = sort.get(i) == null ? null : sort.get(i).key("sort[" + i + "]");
            if (key == null) {
                throw new InvalidArgumentException(
                        "sort[" + i + "] needs exactly one of priority, name, networkSecurityGroup, direction, access");
            }
            out = out == null ? key : out.thenComparing(key);
        }
        return out;
    }

    private Comparator<RuleRow> key(String path) {
        Comparator<RuleRow> key = null;
        int given = 0;
        if (priority != null) {
            given++;
            key = by(priority, Comparator.comparingInt(RuleRow::priority));
        }
        if (name != null) {
            given++;
            key = by(name, text(r -> r.rule().name()));
        }
        if (networkSecurityGroup != null) {
            given++;
            key = by(networkSecurityGroup, text(r -> r.nsg().name()));
        }
        if (direction != null) {
            given++;
            key = by(direction, Comparator.comparing(RuleRow::direction));
        }
        if (access != null) {
            given++;
            key = by(access, Comparator.comparing(RuleRow::access));
        }
        if (given > 1) {
            throw new InvalidArgumentException(path + " sets " + given + " fields; give one per entry, in order");
        }
        return key;
    }

    private static Comparator<RuleRow> text(Function<RuleRow, String> value) {
        return Comparator.comparing(r -> value.apply(r).toLowerCase(Locale.ROOT));
    }

    private static Comparator<RuleRow> by(SortDirection d, Comparator<RuleRow> c) {
        return d == SortDirection.DESC ? c.reversed() : c;
    }
}
