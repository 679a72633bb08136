package io.asegraph.policy;

import io.asegraph.net.AddressSet;
import io.asegraph.net.Cidr;
import io.asegraph.net.InvalidAddressException;
import io.asegraph.net.Ipv4;
import io.asegraph.net.SpecialRanges;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves the address fields of NSG rules, as written, to address sets, the way Azure expands them
 * (<a href="https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules">security
 * rules</a>, <a href="https://learn.microsoft.com/azure/virtual-network/service-tags-overview">service tags</a>):
 * <ul>
 *   <li>{@code *}, {@code Any} and {@code 0.0.0.0/0}: every address;</li>
 *   <li>a CIDR block or a bare address (taken as /32);</li>
 *   <li>{@code VirtualNetwork} / {@code VIRTUAL_NETWORK}: the set supplied by the caller in the
 *       {@link EvaluationContext} (unresolved when the context has none);</li>
 *   <li>{@code AzureLoadBalancer} / {@code AZURE_LOADBALANCER}: 168.63.129.16/32;</li>
 *   <li>{@code Internet} / {@code INTERNET}: public unicast space, i.e. everything except 0/8, 10/8, 100.64/10, 127/8,
 *       169.254/16, 172.16/12, 192.168/16, 224/4 and 240/4 (Microsoft publishes no exact list; the first blocks of
 *       this expansion, 1.0.0.0/8, 2.0.0.0/7, 4.0.0.0/6, 8.0.0.0/7, 11.0.0.0/8, 12.0.0.0/6, match the effective
 *       rules Network Watcher shows);</li>
 *   <li>any other name: a service tag (e.g. {@code Sql}, {@code Storage.WestUS}, {@code AppServiceManagement}) looked up
 *       case-insensitively among the imported tags of the {@link PolicySet}; a tag not imported is UNRESOLVED, naming
 *       it — never empty and never "any";</li>
 *   <li>an IPv6 address or prefix: the empty set. The model evaluates IPv4 flows only and an IPv6 prefix can never
 *       match one, so an IPv6 entry contributes nothing (it is not an error);</li>
 *   <li>an application security group id: the member addresses supplied in the context; unknown ids are
 *       UNRESOLVED, naming the ASG.</li>
 * </ul>
 * A malformed IPv4 prefix (e.g. host bits set, {@code 10.0.0.5/24}) is UNRESOLVED with the parse error as cause:
 * import is expected to reject it, and the engine never guesses.
 *
 * <p>Tag expansions of the {@link PolicySet} are cached there; a resolver is cheap and belongs to one context.
 */
public final class PrefixResolver {
    /** 168.63.129.16/32, the host address behind {@code AzureLoadBalancer} (health probes). */
    public static final AddressSet AZURE_LOAD_BALANCER = AddressSet.parse("168.63.129.16/32");

    /** The {@code Internet} tag: public unicast IPv4 space. */
    public static final AddressSet INTERNET = SpecialRanges.NOT_PUBLIC.complement();

    private final PolicySet policies;
    private final EvaluationContext context;

    public PrefixResolver(PolicySet policies, EvaluationContext context) {
        this.policies = Objects.requireNonNull(policies, "policies");
        this.context = Objects.requireNonNull(context, "context");
    }

    public PolicySet policies() {
        return policies;
    }

    public EvaluationContext context() {
        return context;
    }

    /** Whether {@code prefix} is the VirtualNetwork tag in either spelling. */
    public static boolean isVirtualNetworkTag(String prefix) {
        String t = prefix == null ? "" : prefix.trim().toLowerCase(Locale.ROOT);
        return t.equals("virtualnetwork") || t.equals("virtual_network");
    }

    /** Resolves one address prefix as written in a rule. */
    public ResolvedAddresses resolve(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return ResolvedAddresses.unresolved("an empty address prefix");
        }
        String text = prefix.trim();
        String lower = text.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "*":
            case "any":
                return ResolvedAddresses.of(AddressSet.ALL);
            case "virtualnetwork":
            case "virtual_network":
                return context.virtualNetwork()
                        .map(ResolvedAddresses::of)
                        .orElseGet(() -> ResolvedAddresses.unresolved("service tag '" + text
                                + "': the virtual network topology of the evaluated subnet is not known"));
            case "azureloadbalancer":
            case "azure_loadbalancer":
                return ResolvedAddresses.of(AZURE_LOAD_BALANCER);
            case "internet":
                return ResolvedAddresses.of(INTERNET);
            default:
                break;
        }
        if (text.contains(":")) {
            return Ipv4.isIpv6(text)
                    ? ResolvedAddresses.of(AddressSet.EMPTY)
                    : ResolvedAddresses.unresolved("'" + text + "' is not a valid address prefix");
        }
        if (Character.isDigit(text.charAt(0))) {
            Cidr fast = fastBlock(text);
            if (fast != null) {
                return ResolvedAddresses.of(fast.toSet());
            }
            try {
                return ResolvedAddresses.of(Cidr.parsePrefix(text).toSet());
            } catch (InvalidAddressException e) {
                return ResolvedAddresses.unresolved("'" + text + "' is not a valid address prefix: " + e.getMessage());
            }
        }
        Optional<AddressSet> tag = policies.serviceTagAddresses(text);
        return tag.map(ResolvedAddresses::of)
                .orElseGet(() -> ResolvedAddresses.unresolved("service tag '" + text + "' is not imported"));
    }

    /** Resolves an application security group to its members' private addresses. */
    public ResolvedAddresses resolveAsg(ResourceId asg) {
        AddressSet members = context.asgMembers().get(asg);
        if (members != null) {
            return ResolvedAddresses.of(members);
        }
        if (policies.asg(asg).isEmpty()) {
            return ResolvedAddresses.unresolved("application security group '" + asg.name() + "' (" + asg.value()
                    + ") is not imported, so its members are not known: "
                    + ResourceKind.APPLICATION_SECURITY_GROUP.howToImport(asg.value()));
        }
        return ResolvedAddresses.unresolved(
                "application security group '" + asg.name() + "' (" + asg.value() + "): its members are not known");
    }

    /** The rule's source field: the union of its source prefixes and source ASGs. */
    public ResolvedAddresses source(SecurityRule rule) {
        return field(rule.sourcePrefixes(), rule.sourceAsgs(), "source");
    }

    /** The rule's destination field: the union of its destination prefixes and destination ASGs. */
    public ResolvedAddresses destination(SecurityRule rule) {
        return field(rule.destinationPrefixes(), rule.destinationAsgs(), "destination");
    }

    private ResolvedAddresses field(List<String> prefixes, List<ResourceId> asgs, String side) {
        if (prefixes.isEmpty() && asgs.isEmpty()) {
            return ResolvedAddresses.unresolved(
                    "the rule has no " + side + " address prefix or application security group");
        }
        List<Cidr> blocks = new ArrayList<>();
        ResolvedAddresses out = ResolvedAddresses.of(AddressSet.EMPTY);
        for (String p : prefixes) {
            // Canonical blocks are collected and built into one set; everything else (tags, *, IPv6, and any other
            // spelling the strict parser may accept) is resolved one by one, with the same result.
            Cidr block = fastBlock(p.trim());
            if (block != null) {
                blocks.add(block);
            } else {
                out = out.union(resolve(p));
            }
        }
        if (!blocks.isEmpty()) {
            out = out.union(ResolvedAddresses.of(AddressSet.of(blocks)));
        }
        for (ResourceId a : asgs) {
            out = out.union(resolveAsg(a));
        }
        return out;
    }

    /**
     * A fast path for the common canonical forms {@code a.b.c.d} and {@code a.b.c.d/n} (decimal octets without leading
     * zeros, no host bits set); null for anything else, which then goes through the strict parser of {@link Cidr}.
     * It accepts only what the strict parser accepts, with the same result; it exists because audits resolve the
     * prefixes of every rule in the estate (100,000 rules) and the general parser dominates that cost.
     */
    static Cidr fastBlock(String text) {
        long address = 0;
        int i = 0;
        int n = text.length();
        for (int octet = 0; octet < 4; octet++) {
            int start = i;
            int value = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 3) {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return null;
            }
            address = (address << 8) | value;
            if (octet < 3) {
                if (i >= n || text.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        int length = 32;
        if (i < n) {
            if (text.charAt(i) != '/' || i + 1 >= n || n - (i + 1) > 2) {
                return null;
            }
            int start = ++i;
            length = 0;
            for (; i < n; i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    return null;
                }
                length = length * 10 + (c - '0');
            }
            if (length > 32 || (n - start > 1 && text.charAt(start) == '0')) {
                return null;
            }
        }
        long hostMask = length == 32 ? 0 : (0xFFFF_FFFFL >>> length);
        if ((address & hostMask) != 0) {
            return null;
        }
        return new Cidr(address, length);
    }
}
