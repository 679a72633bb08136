package io.asegraph.api.read.filter;

import io.asegraph.api.read.StringFilter;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("SecurityRuleWhere")
@Description("Filters on NSG rules by what they admit: every given condition must hold; AND, OR and NOT combine"
        + " filters. A condition on an unresolved part of a rule (a service tag not imported, an ASG without known"
        + " members, VirtualNetwork of an NSG applied nowhere, an undecidable shadow) is undetermined: the rule is not"
        + " listed, and securityRulesConnection lists it under undetermined with the cause.")
public class SecurityRuleWhere {
    @Description("Every filter in this list must hold.")
    public List<SecurityRuleWhere> AND;

    @Description("At least one filter in this list must hold.")
    public List<SecurityRuleWhere> OR;

    @Description("This filter must not hold.")
    public SecurityRuleWhere NOT;

    @Description("The rule name (case-insensitive).")
    public StringFilter name;

    @Description("Rules whose direction is as given.")
    public DirectionFilter direction;

    @Description("Rules whose access is as given.")
    public AccessFilter access;

    @Description("Rules whose protocol is as given.")
    public ProtocolFilter protocol;

    @Description("Rules whose priority compares as given.")
    public IntFilter priority;

    @Description("Its source addresses, resolved: prefixes, *, service tags, Internet, VirtualNetwork (as expanded"
            + " where the NSG is applied) and source ASGs.")
    public AddressFilter sourceAddresses;

    @Description("Its destination addresses, resolved as sourceAddresses.")
    public AddressFilter destinationAddresses;

    @Description("Conditions on the rule's source port ranges.")
    public PortFilter sourcePorts;

    @Description("Conditions on the rule's destination port ranges.")
    public PortFilter destinationPorts;

    @Description("Whether the shadow analysis (shadowedRules) finds it DEAD or REDUNDANT: no packet reaches it.")
    public Boolean shadowed;

    @Description("Whether it is one of the six default rules (listed only with includeDefaultRules: true).")
    public Boolean isDefault;

    @Description("Its NSG.")
    public NetworkSecurityGroupWhere networkSecurityGroup;

    /**
     * The (direction, access) buckets ({@link Scope#bucket}) a rule must be in to pass this where, from its top-level
     * direction and access conditions (every bucket when it has none).
     */
    public static boolean[] buckets(SecurityRuleWhere w) {
        boolean[] allowed = new boolean[4];
        for (io.asegraph.policy.Direction d : io.asegraph.policy.Direction.values()) {
            for (io.asegraph.policy.Access a : io.asegraph.policy.Access.values()) {
                allowed[Scope.bucket(d, a)] = w == null
                        || ((w.direction == null || admits(w.direction.eq, w.direction.in, d.name()))
                                && (w.access == null || admits(w.access.eq, w.access.in, a.name())));
            }
        }
        return allowed;
    }

    private static <E extends Enum<E>> boolean admits(E eq, List<E> in, String name) {
        return (eq == null || eq.name().equals(name))
                && (in == null || in.stream().anyMatch(e -> e.name().equals(name)));
    }

    public static Pred<RuleRow> compile(SecurityRuleWhere w, String path, Scope scope) {
        return w == null ? Pred.always() : Pred.all(w.parts(path, scope));
    }

    List<Pred<RuleRow>> parts(String path, Scope scope) {
        List<Pred<RuleRow>> out = Pred.parts();
        Scalars.logic(out, AND, OR, NOT, path, (w, p) -> compile(w, p, scope));
        Scalars.string(out, name, path + ".name", r -> r.rule().name());
        if (direction != null) {
            Scalars.enumeration(
                    out, direction.eq, direction.in, io.asegraph.policy.Direction.class, RuleRow::direction);
        }
        if (access != null) {
            Scalars.enumeration(out, access.eq, access.in, io.asegraph.policy.Access.class, RuleRow::access);
        }
        if (protocol != null) {
            Scalars.enumeration(out, protocol.eq, protocol.in, io.asegraph.net.Protocol.class, RuleRow::protocol);
        }
        Scalars.integer(out, priority, RuleRow::priority);
        Scalars.resolvedAddresses(out, sourceAddresses, path + ".sourceAddresses", scope, RuleRow::source);
        Scalars.resolvedAddresses(
                out, destinationAddresses, path + ".destinationAddresses", scope, RuleRow::destination);
        Scalars.ports(out, sourcePorts, path + ".sourcePorts", RuleRow::sourcePorts);
        Scalars.ports(out, destinationPorts, path + ".destinationPorts", RuleRow::destinationPorts);
        Scalars.bool(out, shadowed, r -> scope.shadow(r).shadowed());
        Scalars.bool(out, isDefault, r -> Tri.of(r.rule().isDefault()));
        if (networkSecurityGroup != null) {
            NetworkSecurityGroupWhere n = networkSecurityGroup;
            Relations.noExists(n.exists, path + ".networkSecurityGroup");
            out.add(Pred.all(n.parts(path + ".networkSecurityGroup", scope)).on(RuleRow::nsg));
        }
        return out;
    }
}
