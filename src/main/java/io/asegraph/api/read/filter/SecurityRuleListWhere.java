package io.asegraph.api.read.filter;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("SecurityRuleListWhere")
@Description("Conditions on an NSG's user rules.")
public class SecurityRuleListWhere {
    public SecurityRuleWhere some;
    public SecurityRuleWhere none;
    public SecurityRuleWhere all;
    public SecurityRuleWhere single;
}
