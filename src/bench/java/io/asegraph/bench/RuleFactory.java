package io.asegraph.bench;

import io.asegraph.bench.EstatePlan.Asg;
import io.asegraph.bench.EstatePlan.Nic;
import io.asegraph.bench.EstatePlan.Nsg;
import io.asegraph.bench.EstatePlan.Peering;
import io.asegraph.bench.EstatePlan.Subnet;
import io.asegraph.bench.EstatePlan.VNet;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The user security rules of one NSG, made on demand while the NSG is written (so 100,000 rules never sit in memory
 * at once), from a random stream of that NSG alone.
 *
 * <p>The mix follows real estates and the
 * <a href="https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules">NSG
 * rule model</a>: ASE NSGs open the management ports first (AppServiceManagement to 454-455, AzureLoadBalancer to
 * 16001); then denies sit above allows, an occasional deny is interleaved (shadowing part of a later allow), and half
 * of the NSGs end each direction with an explicit catch-all deny at 4096. Addresses are singular or plural (never
 * both), service tags (global and regional), CIDRs, bare addresses, the VIPs of other ASEs, on-premises and peered
 * ranges, or application security groups of the same VNet. Ports are single, ranges or lists. Priorities are unique
 * per direction within 100-4096.
 */
final class RuleFactory {

    /** One security rule; exactly one of prefix, prefixes and ASGs is set per side, and one of port and ports. */
    static final class Rule {
        String label;
        String name;
        String description;
        String protocol;
        String access;
        String direction;
        int priority;
        String sourcePort;
        List<String> sourcePorts = List.of();
        String destinationPort;
        List<String> destinationPorts = List.of();
        String sourcePrefix;
        List<String> sourcePrefixes = List.of();
        List<String> sourceAsgs = List.of();
        String destinationPrefix;
        List<String> destinationPrefixes = List.of();
        List<String> destinationAsgs = List.of();
    }

    private enum Kind {
        ASE_MANAGEMENT("ALLOW-AzureMngmt", true, true),
        ASE_LOAD_BALANCER("ALLOW-AzureLoadBalancer", true, true),
        DENY_MANAGEMENT_FROM_INTERNET("Deny-Mgmt-From-Internet", true, false),
        DENY_BLOCKLIST("Deny-Blocklist", true, false),
        DENY_VNET_DATABASE("Deny-Vnet-To-Db", true, false),
        ALLOW_WEB_FROM_INTERNET("Allow-Web-From-Internet", true, true),
        ALLOW_FROM_ASE_VIP("RESTRICT-From-Ase-Vip", true, true),
        ALLOW_SUBNET_TO_HOST("Allow-Subnet-To-Host", true, true),
        ALLOW_ASG("Allow-Asg-To-Asg", true, true),
        ALLOW_FROM_ON_PREMISES("Allow-From-OnPrem", true, true),
        ALLOW_FROM_PEER("Allow-From-Peer", true, true),
        ALLOW_ICMP("Allow-Icmp-Vnet", true, true),
        ALLOW_FROM_AZURE_CLOUD("Allow-From-AzureCloud", true, true),
        ALLOW_FROM_PARTNER("Allow-From-Partner", true, true),
        DENY_ALL_INBOUND("Deny-All-Inbound", true, false),
        DENY_SMTP("Deny-Smtp-Out", false, false),
        DENY_TO_ON_PREMISES("Deny-To-OnPrem", false, false),
        DENY_TO_PARTNER("Deny-To-Partner", false, false),
        ALLOW_SQL("Allow-Sql-Out", false, true),
        ALLOW_STORAGE("Allow-Storage-Out", false, true),
        ALLOW_KEY_VAULT("Allow-KeyVault-Out", false, true),
        ALLOW_AAD("Allow-AAD-Out", false, true),
        ALLOW_ENDPOINT("Allow-Endpoint-Out", false, true),
        ALLOW_AZURE_CLOUD("Allow-AzureCloud-Out", false, true),
        ALLOW_DNS("Allow-Dns-Out", false, true),
        ALLOW_TO_ON_PREMISES("Allow-To-OnPrem", false, true),
        DENY_INTERNET_OUTBOUND("Deny-Internet-Outbound", false, false);

        final String label;
        final boolean inbound;
        final boolean allow;

        Kind(String label, boolean inbound, boolean allow) {
            this.label = label;
            this.inbound = inbound;
            this.allow = allow;
        }
    }

    private static final Kind[] INBOUND_DENIES = {
        Kind.DENY_MANAGEMENT_FROM_INTERNET, Kind.DENY_BLOCKLIST, Kind.DENY_VNET_DATABASE
    };
    private static final Kind[] INBOUND_ALLOWS = {
        Kind.ALLOW_WEB_FROM_INTERNET,
        Kind.ALLOW_FROM_ASE_VIP,
        Kind.ALLOW_SUBNET_TO_HOST,
        Kind.ALLOW_ASG,
        Kind.ALLOW_FROM_ON_PREMISES,
        Kind.ALLOW_FROM_PEER,
        Kind.ALLOW_ICMP,
        Kind.ALLOW_FROM_AZURE_CLOUD,
        Kind.ALLOW_FROM_PARTNER
    };
    private static final Kind[] OUTBOUND_DENIES = {Kind.DENY_SMTP, Kind.DENY_TO_ON_PREMISES, Kind.DENY_TO_PARTNER};
    private static final Kind[] OUTBOUND_ALLOWS = {
        Kind.ALLOW_SQL,
        Kind.ALLOW_STORAGE,
        Kind.ALLOW_KEY_VAULT,
        Kind.ALLOW_AAD,
        Kind.ALLOW_ENDPOINT,
        Kind.ALLOW_AZURE_CLOUD,
        Kind.ALLOW_DNS,
        Kind.ALLOW_TO_ON_PREMISES
    };

    private final EstatePlan plan;

    RuleFactory(EstatePlan plan) {
        this.plan = plan;
    }

    /** The rules of {@code nsg}: inbound first (three in five), then outbound, in priority order per direction. */
    List<Rule> rules(Nsg nsg) {
        SplittableRandom random = plan.random(1_000_003L + nsg.index);
        int total = nsg.ruleCount;
        int inbound = Math.min((total * 3 + 4) / 5, EstateSpec.PRIORITY_SLOTS);
        int outbound = total - inbound;
        if (outbound > EstateSpec.PRIORITY_SLOTS) {
            inbound += outbound - EstateSpec.PRIORITY_SLOTS;
            outbound = EstateSpec.PRIORITY_SLOTS;
        }
        Context context = new Context(nsg);
        List<Rule> rules = new ArrayList<>(total);
        direction(rules, context, random, true, inbound);
        direction(rules, context, random, false, outbound);
        return rules;
    }

    private void direction(List<Rule> rules, Context context, SplittableRandom random, boolean inbound, int count) {
        if (count == 0) {
            return;
        }
        List<Kind> kinds = new ArrayList<>(count);
        if (inbound && context.nsg.aseRole) {
            kinds.add(Kind.ASE_MANAGEMENT);
            if (count > 2) {
                kinds.add(Kind.ASE_LOAD_BALANCER);
            }
        }
        boolean catchAll = count >= 3 && random.nextBoolean();
        int open = count - kinds.size() - (catchAll ? 1 : 0);
        Kind[] denies = inbound ? INBOUND_DENIES : OUTBOUND_DENIES;
        Kind[] allows = inbound ? INBOUND_ALLOWS : OUTBOUND_ALLOWS;
        int leadingDenies = Math.min(open, open <= 2 ? 1 : 1 + random.nextInt(2));
        for (int i = 0; i < leadingDenies; i++) {
            kinds.add(denies[random.nextInt(denies.length)]);
        }
        for (int i = leadingDenies; i < open; i++) {
            if (i == leadingDenies) {
                // The first allow cycles over every kind by NSG number, so even a small estate holds each one.
                kinds.add(allows[context.nsg.index % allows.length]);
                continue;
            }
            boolean interleavedDeny = random.nextInt(10) == 0;
            kinds.add(interleavedDeny ? denies[random.nextInt(denies.length)] : allows[random.nextInt(allows.length)]);
        }
        if (catchAll) {
            kinds.add(inbound ? Kind.DENY_ALL_INBOUND : Kind.DENY_INTERNET_OUTBOUND);
        }
        int[] priorities = priorities(count, catchAll, random);
        for (int i = 0; i < count; i++) {
            Rule rule = make(kinds.get(i), context, random);
            rule.priority = priorities[i];
            rule.direction = inbound ? "Inbound" : "Outbound";
            rule.name = rule.label + "-" + pad(rules.size() + 1, 3);
            if (rule.description == null && random.nextInt(10) < 3) {
                rule.description = describe(rule.label, rules.size());
            }
            rules.add(rule);
        }
    }

    /**
     * Ascending priorities from 100, in steps of ten when there is room (as people number rules) and of one when
     * the NSG is nearly full; a catch-all ends at 4096. The largest step keeps the last priority within 4096.
     */
    static int[] priorities(int count, boolean catchAll, SplittableRandom random) {
        int[] result = new int[count];
        int maxStep = Math.max(1, (EstateSpec.PRIORITY_SLOTS - 1) / count);
        int p = 100;
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                p += maxStep >= 10
                        ? 10 * (1 + random.nextInt(Math.min(maxStep, 100) / 10))
                        : 1 + random.nextInt(maxStep);
            }
            result[i] = p;
        }
        if (catchAll) {
            result[count - 1] = 4096;
        }
        return result;
    }

    /** {@code n} with leading zeros to at least {@code width} digits (String.format is slow in this loop). */
    static String pad(int n, int width) {
        String digits = Integer.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private static String describe(String label, int position) {
        if (position % 17 == 5) {
            // Exercises escaping and UTF-8 in importers: quotes, a backslash path and non-ASCII text.
            return "Requested by \"Contoso Z\u00fcrich\" \u2013 ticket CHG" + (10_000 + position)
                    + " (see \\\\share\\net)";
        }
        String words = label.replace('-', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " (managed by the network team)";
    }

    /** What an NSG's rules may name: its VNet, subnets, hosts, ASGs, peers, on-premises space and the world. */
    private final class Context {
        final Nsg nsg;
        final VNet vnet;
        final List<String> peerPrefixes = new ArrayList<>();
        final List<String> onPremises;

        Context(Nsg nsg) {
            this.nsg = nsg;
            this.vnet = nsg.vnet;
            for (Peering p : vnet.peerings) {
                if (p.state.equals("Connected")) {
                    peerPrefixes.add(p.remote.prefix());
                }
            }
            EstatePlan.Gateway gw = vnet.reachableGateway();
            onPremises = gw == null ? List.of() : gw.onPremisesPrefixes;
        }

        /** A subnet of the VNet, preferring those that hold neither an ASE nor a gateway. */
        String subnetPrefix(SplittableRandom random) {
            List<Subnet> regular = vnet.subnets.stream()
                    .filter(s -> s.kind == EstatePlan.SubnetKind.REGULAR)
                    .toList();
            List<Subnet> from = regular.isEmpty() ? vnet.subnets : regular;
            return from.get(random.nextInt(from.size())).prefix();
        }

        /** A NIC address of the VNet (bare or /32), or a subnet when the VNet has no NIC. */
        String host(SplittableRandom random) {
            if (vnet.nics.isEmpty()) {
                return subnetPrefix(random);
            }
            Nic nic = vnet.nics.get(random.nextInt(vnet.nics.size()));
            return random.nextBoolean() ? Ipv4.format(nic.ip) : new Cidr(nic.ip, 32).toString();
        }

        String partner(SplittableRandom random) {
            return plan.partnerAddresses.get(random.nextInt(plan.partnerAddresses.size()));
        }

        List<String> partners(SplittableRandom random, int max) {
            int count = 2 + random.nextInt(Math.max(1, max - 1));
            List<String> result = new ArrayList<>();
            int start = random.nextInt(plan.partnerAddresses.size());
            for (int i = 0; i < count && i < plan.partnerAddresses.size(); i++) {
                result.add(plan.partnerAddresses.get((start + i) % plan.partnerAddresses.size()));
            }
            return result;
        }

        String otherAseVip(SplittableRandom random) {
            if (plan.ases.isEmpty()) {
                return partner(random);
            }
            long vip = plan.ases.get(random.nextInt(plan.ases.size())).vip;
            return random.nextBoolean() ? new Cidr(vip, 32).toString() : Ipv4.format(vip);
        }

        String regional(String service) {
            return plan.tags.regional(service, vnet.region);
        }
    }

    private Rule make(Kind kind, Context c, SplittableRandom random) {
        Rule r = new Rule();
        r.label = kind.label;
        r.access = kind.allow ? "Allow" : "Deny";
        r.protocol = "Tcp";
        r.sourcePort = "*";
        switch (kind) {
            case ASE_MANAGEMENT -> {
                r.sourcePrefix = "AppServiceManagement";
                r.destinationPrefix = "*";
                r.destinationPort = "454-455";
                r.description = "Azure management of the ASE (required)";
            }
            case ASE_LOAD_BALANCER -> {
                r.protocol = "*";
                r.sourcePrefix = "AzureLoadBalancer";
                r.destinationPrefix = "*";
                r.destinationPort = "16001";
            }
            case DENY_MANAGEMENT_FROM_INTERNET -> {
                r.sourcePrefix = "Internet";
                r.destinationPrefix = "*";
                ports(r, random, List.of("3389"), List.of("22"), List.of("22", "3389", "5985-5986"));
            }
            case DENY_BLOCKLIST -> {
                r.protocol = "*";
                r.sourcePrefixes = c.partners(random, 5);
                r.destinationPrefix = "*";
                r.destinationPort = "*";
            }
            case DENY_VNET_DATABASE -> {
                r.sourcePrefix = "VirtualNetwork";
                r.destinationPrefix = c.subnetPrefix(random);
                ports(r, random, List.of("1433"), List.of("1433", "3306", "5432"));
            }
            case ALLOW_WEB_FROM_INTERNET -> {
                r.sourcePrefix = "Internet";
                r.destinationPrefix = random.nextBoolean() ? "*" : c.subnetPrefix(random);
                ports(r, random, List.of("443"), List.of("80", "443"), List.of("8080-8090"));
            }
            case ALLOW_FROM_ASE_VIP -> {
                if (random.nextBoolean()) {
                    r.sourcePrefix = c.otherAseVip(random);
                } else {
                    r.sourcePrefixes = distinct(List.of(c.otherAseVip(random), c.otherAseVip(random)));
                }
                r.destinationPrefix = "*";
                ports(r, random, List.of("80"), List.of("443"), List.of("80", "443"));
            }
            case ALLOW_SUBNET_TO_HOST -> {
                r.sourcePrefix = c.subnetPrefix(random);
                r.destinationPrefix = c.host(random);
                ports(r, random, List.of("1433"), List.of("8080-8090"), List.of("22", "443"));
            }
            case ALLOW_ASG -> {
                if (c.vnet.asgs.isEmpty()) {
                    return make(Kind.ALLOW_SUBNET_TO_HOST, c, random);
                }
                r.sourceAsgs = asgIds(c.vnet.asgs, random);
                r.destinationAsgs = asgIds(c.vnet.asgs, random);
                ports(r, random, List.of("8080-8090"), List.of("443", "8443"), List.of("1433"));
            }
            case ALLOW_FROM_ON_PREMISES -> {
                if (c.onPremises.isEmpty()) {
                    return make(Kind.ALLOW_FROM_PARTNER, c, random);
                }
                onPremisesOrPartner(r, c, random, true);
                r.destinationPrefix = "VirtualNetwork";
                ports(r, random, List.of("443"), List.of("443", "3389", "5985-5986"));
            }
            case ALLOW_FROM_PEER -> {
                if (c.peerPrefixes.isEmpty()) {
                    return make(Kind.ALLOW_ICMP, c, random);
                }
                r.protocol = random.nextBoolean() ? "Udp" : "*";
                r.sourcePrefix = c.peerPrefixes.get(random.nextInt(c.peerPrefixes.size()));
                r.destinationPrefix = "VirtualNetwork";
                ports(r, random, List.of("53"), List.of("*"));
            }
            case ALLOW_ICMP -> {
                r.protocol = "Icmp";
                r.sourcePrefix = "VirtualNetwork";
                r.destinationPrefix = "*";
                r.destinationPort = "*";
            }
            case ALLOW_FROM_AZURE_CLOUD -> {
                r.sourcePrefix = "AzureCloud." + c.vnet.region.name();
                r.destinationPrefix = "*";
                r.destinationPort = "443";
            }
            case ALLOW_FROM_PARTNER -> {
                if (random.nextBoolean()) {
                    r.sourcePrefix = c.partner(random);
                } else {
                    r.sourcePrefixes = c.partners(random, 4);
                }
                r.destinationPrefix = "*";
                ports(r, random, List.of("443"), List.of("443", "8443"));
            }
            case DENY_ALL_INBOUND -> {
                r.protocol = "*";
                r.sourcePrefix = "*";
                r.destinationPrefix = "*";
                r.destinationPort = "*";
            }
            case DENY_SMTP -> {
                r.sourcePrefix = "*";
                r.destinationPrefix = "Internet";
                ports(r, random, List.of("25"), List.of("25", "587"));
            }
            case DENY_TO_ON_PREMISES -> {
                if (c.onPremises.isEmpty()) {
                    return make(Kind.DENY_TO_PARTNER, c, random);
                }
                r.protocol = "*";
                r.sourcePrefix = "*";
                onPremisesOrPartner(r, c, random, false);
                r.destinationPort = "*";
            }
            case DENY_TO_PARTNER -> {
                r.sourcePrefix = "*";
                r.destinationPrefix = c.partner(random);
                r.destinationPort = "*";
            }
            case ALLOW_SQL -> {
                r.sourcePrefix = random.nextBoolean() ? "*" : c.subnetPrefix(random);
                r.destinationPrefix = random.nextInt(4) == 0 ? "Sql" : c.regional("Sql");
                ports(r, random, List.of("1433"), List.of("1433", "11000-11999"));
            }
            case ALLOW_STORAGE -> {
                r.sourcePrefix = "VirtualNetwork";
                r.destinationPrefix = random.nextInt(4) == 0 ? "Storage" : c.regional("Storage");
                ports(r, random, List.of("443"), List.of("80", "443"));
            }
            case ALLOW_KEY_VAULT -> {
                r.sourcePrefix = "VirtualNetwork";
                r.destinationPrefix = c.regional("AzureKeyVault");
                r.destinationPort = "443";
            }
            case ALLOW_AAD -> {
                r.sourcePrefix = "*";
                r.destinationPrefix = "AzureActiveDirectory";
                r.destinationPort = "443";
            }
            case ALLOW_ENDPOINT -> {
                r.sourcePrefix = "*";
                if (plan.endpoints.isEmpty()) {
                    r.destinationPrefix = c.partner(random);
                } else {
                    List<String> addresses = plan.endpoints.get(random.nextInt(plan.endpoints.size())).addresses;
                    if (addresses.size() == 1) {
                        r.destinationPrefix = addresses.get(0);
                    } else {
                        r.destinationPrefixes = addresses;
                    }
                }
                ports(r, random, List.of("443"), List.of("443", "1433"));
            }
            case ALLOW_AZURE_CLOUD -> {
                r.sourcePrefix = "VirtualNetwork";
                r.destinationPrefix = "AzureCloud";
                ports(r, random, List.of("443"), List.of("443", "12000"));
            }
            case ALLOW_DNS -> {
                r.protocol = "Udp";
                r.sourcePrefix = "*";
                r.destinationPrefix = "*";
                r.destinationPort = "53";
            }
            case ALLOW_TO_ON_PREMISES -> {
                if (c.onPremises.isEmpty()) {
                    return make(Kind.ALLOW_ENDPOINT, c, random);
                }
                if (!c.vnet.asgs.isEmpty() && random.nextBoolean()) {
                    r.sourceAsgs = asgIds(c.vnet.asgs, random);
                } else {
                    r.sourcePrefix = "VirtualNetwork";
                }
                onPremisesOrPartner(r, c, random, false);
                ports(r, random, List.of("1433"), List.of("1433", "1521"));
            }
            case DENY_INTERNET_OUTBOUND -> {
                r.protocol = "*";
                r.sourcePrefix = "*";
                r.destinationPrefix = "Internet";
                r.destinationPort = "*";
            }
            default -> throw new IllegalStateException("unknown rule kind " + kind);
        }
        return r;
    }

    /** On-premises prefixes (plural when there are several) or, in a VNet without a gateway, partner ranges. */
    private static void onPremisesOrPartner(Rule r, Context c, SplittableRandom random, boolean source) {
        List<String> list;
        if (c.onPremises.isEmpty()) {
            list = c.partners(random, 3);
        } else {
            int count = 1 + random.nextInt(Math.min(3, c.onPremises.size()));
            int start = random.nextInt(c.onPremises.size());
            list = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                list.add(c.onPremises.get((start + i) % c.onPremises.size()));
            }
        }
        if (source) {
            if (list.size() == 1) {
                r.sourcePrefix = list.get(0);
            } else {
                r.sourcePrefixes = list;
            }
        } else if (list.size() == 1) {
            r.destinationPrefix = list.get(0);
        } else {
            r.destinationPrefixes = list;
        }
    }

    /** One of the port choices: a single value goes to the singular field, a list to the plural one. */
    @SafeVarargs
    private static void ports(Rule r, SplittableRandom random, List<String>... choices) {
        List<String> chosen = choices[random.nextInt(choices.length)];
        if (chosen.size() == 1) {
            r.destinationPort = chosen.get(0);
        } else {
            r.destinationPorts = chosen;
        }
    }

    private static List<String> asgIds(List<Asg> asgs, SplittableRandom random) {
        int count = asgs.size() > 1 && random.nextInt(4) == 0 ? 2 : 1;
        int start = random.nextInt(asgs.size());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(asgs.get((start + i) % asgs.size()).id);
        }
        return ids;
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().distinct().toList();
    }
}
