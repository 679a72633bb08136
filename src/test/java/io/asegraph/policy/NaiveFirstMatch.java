package io.asegraph.policy;

import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.topology.ResourceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A deliberately naive oracle of an NSG: Azure's first match (azure-semantics §1.7) over one packet, with its own tiny
 * parsing of address prefixes and its own default rules. It shares no production class with the engine but the input
 * records (rules, their ports and protocol); it knows only the address space the property tests draw from (the VNet
 * 10.0.0.0/16, public 52.0.0.0/8, the load balancer 168.63.129.16), the service tags it is given and the members of the
 * ASGs it is given. What it cannot resolve (a tag or ASG it was not given) may or may not match: a packet that such a
 * rule may take before the first rule that certainly matches is UNDETERMINED, whatever the actions (the engine names
 * the unknown rather than arguing that every rule the packet may meet would agree). A caller that knows its VNet's
 * {@code VirtualNetwork} tag (its own space, peered VNets, connected sites) gives it as blocks; {@code Internet} is public
 * unicast space by its own list of the non-public blocks.
 */
public final class NaiveFirstMatch {
    /** What first match does with one packet. */
    public enum Outcome {
        ALLOW,
        DENY,
        UNDETERMINED
    }

    /** What the packet's field is, per rule field: certainly matched, possibly (something unresolved), or not. */
    private enum Match {
        YES,
        MAYBE,
        NO
    }

    private final Map<String, List<String>> tags;
    private final Map<ResourceId, Set<Long>> asgMembers;
    private final List<String> virtualNetwork;

    /** {@code tags}: name → CIDR texts; {@code asgMembers}: ASG → member addresses; the VNet is 10.0.0.0/16. */
    NaiveFirstMatch(Map<String, List<String>> tags, Map<ResourceId, Set<Long>> asgMembers) {
        this(tags, asgMembers, List.of("10.0.0.0/16"));
    }

    /** As above, with the {@code VirtualNetwork} tag's blocks (CIDR texts) given; 168.63.129.16 is always in it. */
    public NaiveFirstMatch(
            Map<String, List<String>> tags, Map<ResourceId, Set<Long>> asgMembers, List<String> virtualNetwork) {
        this.tags = tags;
        this.asgMembers = asgMembers;
        this.virtualNetwork = List.copyOf(virtualNetwork);
    }

    public Outcome decide(
            List<SecurityRule> rules,
            Direction direction,
            long src,
            int srcPort,
            long dst,
            int dstPort,
            Protocol protocol) {
        return firstMatch(rules, direction, src, srcPort, dst, dstPort, protocol)
                .map(r -> r.access() == Access.ALLOW ? Outcome.ALLOW : Outcome.DENY)
                .orElse(Outcome.UNDETERMINED);
    }

    /** The rule that decides the packet (default rules included); empty when an unresolved rule may come first. */
    public Optional<SecurityRule> firstMatch(
            List<SecurityRule> rules,
            Direction direction,
            long src,
            int srcPort,
            long dst,
            int dstPort,
            Protocol protocol) {
        List<SecurityRule> ordered = new ArrayList<>();
        for (SecurityRule r : rules) {
            if (r.direction() == direction) {
                ordered.add(r);
            }
        }
        ordered.addAll(defaults(direction));
        ordered.sort(Comparator.comparingInt(SecurityRule::priority));
        for (SecurityRule r : ordered) {
            Match m = and(
                    protocol(r.protocol(), protocol),
                    ports(r.sourcePorts(), srcPort),
                    ports(r.destinationPorts(), dstPort),
                    addresses(r.sourcePrefixes(), r.sourceAsgs(), src),
                    addresses(r.destinationPrefixes(), r.destinationAsgs(), dst));
            if (m == Match.MAYBE) {
                return Optional.empty();
            }
            if (m == Match.YES) {
                return Optional.of(r);
            }
        }
        throw new AssertionError("the default rules match every packet");
    }

    /** All of the fields match: NO if one does not, else MAYBE if one may, else YES. */
    private static Match and(Match... all) {
        Match out = Match.YES;
        for (Match m : all) {
            if (m == Match.NO) {
                return Match.NO;
            }
            if (m == Match.MAYBE) {
                out = Match.MAYBE;
            }
        }
        return out;
    }

    private static Match protocol(Protocol rule, Protocol packet) {
        String r = rule.name();
        return r.equals("ANY") || r.equals(packet.name()) ? Match.YES : Match.NO;
    }

    private static Match ports(List<PortRange> ranges, int port) {
        for (PortRange p : ranges) {
            if (p.from() <= port && port <= p.to()) {
                return Match.YES;
            }
        }
        return Match.NO;
    }

    private Match addresses(List<String> prefixes, List<ResourceId> asgs, long address) {
        boolean maybe = false;
        for (String p : prefixes) {
            Match m = prefix(p, address);
            if (m == Match.YES) {
                return Match.YES;
            }
            maybe |= m == Match.MAYBE;
        }
        for (ResourceId asg : asgs) {
            Set<Long> members = asgMembers.get(asg);
            if (members == null) {
                maybe = true;
            } else if (members.contains(address)) {
                return Match.YES;
            }
        }
        return maybe ? Match.MAYBE : Match.NO;
    }

    private Match prefix(String text, long address) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "*":
                return Match.YES;
            case "virtualnetwork":
                return yes(virtualNetwork.stream().anyMatch(b -> inBlock(b, address))
                        || address == dotted("168.63.129.16"));
            case "azureloadbalancer":
                return yes(address == dotted("168.63.129.16"));
            case "internet":
                return yes(isPublic(address));
            default:
                break;
        }
        if (Character.isDigit(t.charAt(0))) {
            return yes(inBlock(t, address));
        }
        for (Map.Entry<String, List<String>> tag : tags.entrySet()) {
            if (tag.getKey().equalsIgnoreCase(t)) {
                return yes(tag.getValue().stream().anyMatch(b -> inBlock(b, address)));
            }
        }
        return Match.MAYBE;
    }

    private static Match yes(boolean b) {
        return b ? Match.YES : Match.NO;
    }

    /**
     * Internet is public unicast space: everything but this-network, the RFC 1918 blocks, shared (CGN) space, loopback,
     * link-local, multicast and reserved; 168.63.129.16 (also the load balancer's) is public.
     */
    private static boolean isPublic(long address) {
        return NOT_PUBLIC.stream().noneMatch(b -> inBlock(b, address));
    }

    private static final List<String> NOT_PUBLIC = List.of(
            "0.0.0.0/8",
            "10.0.0.0/8",
            "100.64.0.0/10",
            "127.0.0.0/8",
            "169.254.0.0/16",
            "172.16.0.0/12",
            "192.168.0.0/16",
            "224.0.0.0/3");

    static boolean inBlock(String block, long address) {
        String[] parts = block.split("/");
        int length = parts.length == 2 ? Integer.parseInt(parts[1]) : 32;
        long mask = length == 0 ? 0 : (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
        return (dotted(parts[0]) & mask) == (address & mask);
    }

    public static long dotted(String text) {
        long out = 0;
        for (String octet : text.split("\\.")) {
            out = out * 256 + Integer.parseInt(octet);
        }
        return out;
    }

    private static List<SecurityRule> defaults(Direction direction) {
        if (direction == Direction.INBOUND) {
            return List.of(
                    defaultRule("AllowVnetInBound", 65000, direction, Access.ALLOW, "VirtualNetwork", "VirtualNetwork"),
                    defaultRule(
                            "AllowAzureLoadBalancerInBound", 65001, direction, Access.ALLOW, "AzureLoadBalancer", "*"),
                    defaultRule("DenyAllInBound", 65500, direction, Access.DENY, "*", "*"));
        }
        return List.of(
                defaultRule("AllowVnetOutBound", 65000, direction, Access.ALLOW, "VirtualNetwork", "VirtualNetwork"),
                defaultRule("AllowInternetOutBound", 65001, direction, Access.ALLOW, "*", "Internet"),
                defaultRule("DenyAllOutBound", 65500, direction, Access.DENY, "*", "*"));
    }

    private static SecurityRule defaultRule(
            String name, int priority, Direction direction, Access access, String source, String destination) {
        List<PortRange> all = List.of(new PortRange(0, 65535));
        return new SecurityRule(
                name,
                priority,
                direction,
                access,
                Protocol.ANY,
                List.of(source),
                all,
                List.of(destination),
                all,
                List.of(),
                List.of(),
                "",
                true);
    }
}
