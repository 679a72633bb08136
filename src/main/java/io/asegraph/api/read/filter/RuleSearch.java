package io.asegraph.api.read.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * One search of the estate's rules: the where compiled once, then every rule of the snapshot tested in listing order,
 * rules whose direction or access already fail it skipped from a byte array without reading them.
 *
 * @param matched      the rules the where holds for
 * @param undetermined the rules it can neither admit nor exclude (an unresolved part decides)
 */
public record RuleSearch(List<RuleRow> matched, List<RuleRow> undetermined) {
    public static RuleSearch run(Scope scope, SecurityRuleWhere where, boolean includeDefaultRules) {
        Pred<RuleRow> filter = SecurityRuleWhere.compile(where, "where", scope);
        List<RuleRow> rows = scope.rules(includeDefaultRules);
        if (where == null) {
            return new RuleSearch(rows, List.of());
        }
        byte[] bucket = scope.ruleBuckets(includeDefaultRules);
        boolean[] allowed = SecurityRuleWhere.buckets(where);
        List<RuleRow> matched = new ArrayList<>();
        List<RuleRow> undetermined = new ArrayList<>();
        for (int i = 0; i < bucket.length; i++) {
            if (!allowed[bucket[i]]) {
                continue;
            }
            RuleRow r = rows.get(i);
            Tri t = filter.test(r);
            if (t == Tri.TRUE) {
                matched.add(r);
            } else if (t == Tri.UNKNOWN) {
                undetermined.add(r);
            }
        }
        return new RuleSearch(matched, undetermined);
    }
}
