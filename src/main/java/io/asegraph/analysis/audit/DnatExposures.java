package io.asegraph.analysis.audit;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.AnalysisContext.Attached;
import io.asegraph.analysis.FirewallEvaluator;
import io.asegraph.analysis.FirewallRules;
import io.asegraph.analysis.Hop;
import io.asegraph.analysis.HopKind;
import io.asegraph.analysis.PathEngine;
import io.asegraph.analysis.Step;
import io.asegraph.analysis.StepType;
import io.asegraph.analysis.audit.ExposureTarget.Finding;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Ipv4;
import io.asegraph.net.PortRange;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.PrefixResolver;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.FirewallRule;
import io.asegraph.topology.FirewallRuleCollection;
import io.asegraph.topology.FirewallRuleCollection.Kind;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.PrivateEndpoint;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The exposures Azure Firewall DNAT rules make: a rule of a NAT collection (classic {@code natRuleCollections}, or a
 * policy's DNAT collections, in the firewall's processing order) admits its sources to one of the firewall's public
 * addresses on a port and translates the destination to a private address and port. That target is exposed on the
 * translated port to the rule's Internet sources (a source an earlier DNAT rule for the same address and port took is
 * that rule's: first match wins) when the NSGs in front of it (its subnet's, then its interface's; none for a private
 * endpoint whose subnet's network policies are off, {@link PathEngine#privateEndpointBypass}) admit the call — not
 * from the Internet address: Azure Firewall translates the source of DNAT traffic to a private VNet destination to one
 * of its own addresses in {@code AzureFirewallSubnet} (Microsoft, "Azure Firewall NAT behaviors"), so the NSGs are
 * evaluated over that subnet's range. A translated address that is not an address, or that is in no (or several)
 * modelled subnets, gives an UNDETERMINED row on the firewall naming the rule; a firewall whose policy (or a rule
 * collection group of it) is not in the snapshot gives an UNDETERMINED row per port naming what is missing.
 */
final class DnatExposures {
    private final AnalysisContext context;
    private final Topology topology;
    private final FirewallEvaluator rules;

    DnatExposures(AnalysisContext context) {
        this.context = context;
        this.topology = context.topology();
        this.rules = new FirewallEvaluator(context.policies(), topology);
    }

    /** A DNAT rule with the Internet sources it takes (after earlier rules for the same address and port). */
    private record Published(
            AzureFirewall fw,
            FirewallRuleCollection collection,
            FirewallRule rule,
            List<Long> publicAddresses,
            AddressSet sources,
            AddressSet maybe,
            List<String> causes) {}

    /** Every row of every DNAT rule of every firewall whose translated port is one of {@code ports}. */
    List<Exposure> exposures(Set<Integer> ports, Protocol protocol) {
        List<Exposure> out = new ArrayList<>();
        for (AzureFirewall fw : topology.firewalls()) {
            FirewallRules all = FirewallRules.of(fw, topology);
            if (all.missing().isPresent()) {
                ports.forEach(port -> out.add(unknownRules(fw, all.missing().get(), port, protocol)));
                continue;
            }
            Map<String, AddressSet> taken = new HashMap<>();
            for (FirewallRuleCollection c : all.ofKind(Kind.NAT)) {
                for (FirewallRule rule : c.rules()) {
                    Published p = published(fw, c, rule, taken);
                    for (int port : ports) {
                        row(p, port, protocol).ifPresent(out::add);
                    }
                }
            }
        }
        return out;
    }

    private Published published(
            AzureFirewall fw, FirewallRuleCollection c, FirewallRule rule, Map<String, AddressSet> taken) {
        List<Long> own = context.index().publicAddresses(fw.publicIpIds());
        List<Long> addresses = new ArrayList<>();
        for (String d : rule.destinationAddresses()) {
            if (Ipv4.isAddress(d) && !AzureFirewall.IANA_PRIVATE.contains(Ipv4.parse(d))) {
                addresses.add(Ipv4.parse(d));
            }
        }
        if (addresses.isEmpty() && rule.destinationAddresses().contains("*")) {
            addresses.addAll(own);
        }
        AddressSet internet = internet(fw);
        FirewallEvaluator.Resolved src = rules.sources(rule);
        String key = addresses + "|" + rule.destinationPorts() + "|" + rule.protocols();
        AddressSet before = taken.getOrDefault(key, AddressSet.EMPTY);
        AddressSet sources = src.addresses().intersect(internet).minus(before);
        AddressSet maybe = src.unresolved().isEmpty()
                ? AddressSet.EMPTY
                : internet.minus(src.addresses()).minus(before);
        taken.put(key, before.union(sources));
        List<String> causes = src.unresolved().isEmpty()
                ? List.of()
                : List.of(describe(fw, c, rule) + " may admit " + Describe.addresses(maybe) + ": its source names "
                        + String.join(", ", src.unresolved()));
        return new Published(fw, c, rule, addresses, sources, maybe, causes);
    }

    /** The Internet as the firewall's public side sees it: public space, minus Azure's host and its VNet topology. */
    private AddressSet internet(AzureFirewall fw) {
        AddressSet internet = PrefixResolver.INTERNET.minus(PrefixResolver.AZURE_LOAD_BALANCER);
        Optional<Subnet> subnet = fw.subnetId().flatMap(topology::subnet);
        return subnet.map(
                        s -> internet.minus(context.routing().effectiveRoutes(s).virtualNetworkTopology()))
                .orElse(internet);
    }

    private Optional<Exposure> row(Published p, int port, Protocol protocol) {
        FirewallRule rule = p.rule();
        Optional<Protocol> asked = protocol(rule, protocol);
        if (asked.isEmpty()
                || p.publicAddresses().isEmpty()
                || !translatedPorts(rule).contains(port)) {
            return Optional.empty();
        }
        if (p.sources().isEmpty() && p.maybe().isEmpty()) {
            return Optional.empty();
        }
        String what = asked.get() == Protocol.ANY ? "any protocol" : asked.get().name();
        Hop internetHop = new Hop(
                "Internet",
                HopKind.INTERNET,
                List.of(new Step(
                        StepType.ROUTE,
                        "Internet sources send " + what + " port " + String.join(", ", rule.destinationPorts()) + " to "
                                + publicAddresses(p) + ".")));
        if (!Ipv4.isAddress(rule.translatedAddress())) {
            String why = rule.translatedAddress().isBlank()
                    ? "gives no translated address (a translatedFqdn is not imported)"
                    : "translates to '" + rule.translatedAddress() + "', not an address";
            return Optional.of(undetermined(p, port, protocol, internetHop, why));
        }
        long target = Ipv4.parse(rule.translatedAddress());
        Optional<Subnet> fwSubnet = p.fw().subnetId().flatMap(topology::subnet);
        if (fwSubnet.isEmpty()) {
            String why = "is on " + p.fw().name() + ", whose subnet is not in the snapshot, so the address DNAT"
                    + " traffic arrives from cannot be told";
            return Optional.of(undetermined(p, port, protocol, internetHop, why));
        }
        Optional<Subnet> subnet = subnetOf(target, fwSubnet.get());
        if (subnet.isEmpty()) {
            String why = "translates to " + Ipv4.format(target) + ", which is in no single modelled subnet";
            return Optional.of(undetermined(p, port, protocol, internetHop, why));
        }
        AddressSet fwRange = fwSubnet.get().addresses();
        ExposureTarget t = target(p, subnet.get(), target, port, fwRange);
        ExposureAdmission admission = t.chain().isEmpty()
                ? new ExposureAdmission(fwRange, fwRange, List.of(), List.of(), Set.of())
                : ExposureAdmission.of(context, t, port, asked.get(), fwRange);
        AddressSet exposed = admission.exposed().isEmpty() ? AddressSet.EMPTY : p.sources();
        AddressSet undetermined =
                admission.exposed().isEmpty() && !admission.possible().isEmpty()
                        ? p.sources().union(p.maybe())
                        : admission.possible().isEmpty() ? AddressSet.EMPTY : p.maybe();
        Optional<Verdict> verdict = Finding.verdictOf(exposed, undetermined, internet(p.fw()));
        if (verdict.isEmpty()) {
            return Optional.empty();
        }
        List<String> admittedBy = new ArrayList<>();
        admittedBy.add(p.fw().name() + " " + p.collection().name() + "/" + rule.name() + " (DNAT, priority "
                + p.collection().priority() + ")");
        admission.admitting().forEach(admittedBy::addAll);
        List<String> causes = new ArrayList<>(p.causes());
        causes.addAll(admission.causes());
        List<String> warnings = new ArrayList<>();
        t.bypass().ifPresent(warnings::add);
        if (!admission.exposed().isEmpty() && !admission.exposed().containsAll(fwRange)) {
            warnings.add("The NSGs admit only " + Describe.addresses(admission.exposed()) + " of " + p.fw().name()
                    + "'s subnet " + fwRange + ": DNAT traffic arrives from whichever of the firewall's addresses"
                    + " translated it, so some connections may be dropped.");
        }
        if (rule.sourceAddresses().contains("*")) {
            warnings.add(describe(p.fw(), p.collection(), rule) + " admits any source (*); Microsoft recommends"
                    + " naming specific Internet sources for DNAT.");
        }
        String delivered = "Delivered to " + t.deliveredTo() + " on " + what + " port " + port + ", from one of "
                + p.fw().name() + "'s addresses in " + fwRange + ".";
        List<Hop> path = t.path(
                internetHop,
                i -> filter(t.chain().get(i), admission, i, fwRange, p.fw()),
                t.bypass().orElse("No NSG on " + t.subnet().name() + ": nothing filters at the subnet."),
                delivered);
        Finding found = new Finding(verdict.get(), exposed, undetermined, admittedBy, causes);
        return Optional.of(
                t.row(port, protocol, found, warnings, path, Optional.of(publication(p, target, port, fwRange))));
    }

    private static String filter(Attached a, ExposureAdmission admission, int i, AddressSet fwRange, AzureFirewall fw) {
        return admission
                .admits(a, i, fwRange, "every address of " + fw.name() + "'s subnet")
                .orElse(ExposureAdmission.nameOf(a) + " (inbound) admits none of " + fw.name() + "'s addresses "
                        + fwRange + " for certain.");
    }

    /** The place the rule publishes: the private endpoint, NIC or ILB ASE at the address, else the subnet. */
    private ExposureTarget target(Published p, Subnet s, long address, int port, AddressSet fwRange) {
        Optional<NetworkInterface> nic = context.index().nicAt(s.id(), address);
        Optional<PrivateEndpoint> pe = context.index().privateEndpointAt(s.id(), address);
        Optional<AppServiceEnvironment> ase = context.index().environmentsIn(s.id()).stream()
                .filter(e -> e.internalAddress().equals(Optional.of(address)))
                .findFirst();
        List<Attached> chain = ExposureTarget.chain(context, s, nic);
        Optional<String> bypass = PathEngine.privateEndpointBypass(context.index(), s, address, chain);
        String at = Ipv4.format(address);
        FirewallRule rule = p.rule();
        Hop entry = new Hop(
                p.fw().id().value(),
                HopKind.AZURE_FIREWALL,
                List.of(
                        new Step(
                                StepType.ROUTE,
                                "Azure Firewall " + p.fw().name() + ": " + describe(p.fw(), p.collection(), rule)
                                        + " admits "
                                        + Describe.addresses(p.sources().union(p.maybe())) + " and"
                                        + " translates the destination to " + at + ":" + port + "."),
                        new Step(
                                StepType.SOURCE_NAT,
                                p.fw().name() + " translates the source to one of its addresses in "
                                        + fwName(p.fw()) + " " + fwRange
                                        + ", so the NSGs see that, not the Internet address.")));
        if (ase.isPresent()) {
            return new ExposureTarget(
                    ase.get().id(),
                    HopKind.APP_SERVICE_ENVIRONMENT,
                    ase.get().name(),
                    p.publicAddresses().stream().findFirst(),
                    entry,
                    s,
                    bypass.isPresent() ? List.of() : chain,
                    s.addresses(),
                    ase.get().name() + "'s workers in " + s.label(),
                    Optional.empty(),
                    Optional.of(AseFrontEnd.published(ase.get())),
                    bypass);
        }
        String delivered = pe.map(PrivateEndpoint::name)
                .or(() -> nic.map(NetworkInterface::name))
                .map(n -> n + " (" + at + ")")
                .orElse(at + " in " + s.name());
        return new ExposureTarget(
                pe.map(PrivateEndpoint::id)
                        .or(() -> nic.map(NetworkInterface::id))
                        .orElse(s.id()),
                pe.isPresent()
                        ? HopKind.PRIVATE_ENDPOINT
                        : nic.isPresent() ? HopKind.NETWORK_INTERFACE : HopKind.SUBNET,
                pe.map(PrivateEndpoint::name)
                        .or(() -> nic.map(NetworkInterface::name))
                        .orElse(s.name()),
                p.publicAddresses().stream().findFirst(),
                entry,
                s,
                bypass.isPresent() ? List.of() : chain,
                AddressSet.host(address),
                delivered,
                Optional.empty(),
                Optional.empty(),
                bypass);
    }

    private String fwName(AzureFirewall fw) {
        return fw.subnetId().map(id -> id.name()).orElse("its subnet");
    }

    /** The subnet holding {@code address}: the only one, or the one in the firewall's VNet. */
    private Optional<Subnet> subnetOf(long address, Subnet fwSubnet) {
        List<Subnet> subnets = context.index().subnetsContaining(address);
        if (subnets.size() == 1) {
            return Optional.of(subnets.get(0));
        }
        List<Subnet> local = subnets.stream()
                .filter(s -> s.vnetId().equals(fwSubnet.vnetId()))
                .toList();
        return local.size() == 1 ? Optional.of(local.get(0)) : Optional.empty();
    }

    private Exposure undetermined(Published p, int port, Protocol protocol, Hop internetHop, String why) {
        String cause = describe(p.fw(), p.collection(), p.rule()) + " " + why + ", so what it publishes cannot be told";
        List<String> causes = new ArrayList<>(p.causes());
        causes.add(cause);
        Optional<Long> at = p.publicAddresses().stream().findFirst();
        return unknownAt(p.fw(), at, port, protocol, p.sources().union(p.maybe()), causes, Optional.of(internetHop));
    }

    /** A firewall whose rules are not all in the snapshot: what its DNAT rules publish on the port is unknown. */
    private Exposure unknownRules(AzureFirewall fw, String missing, int port, Protocol protocol) {
        String cause = missing + "; its DNAT rules may publish a private address on port " + port;
        Optional<Long> at =
                context.index().publicAddresses(fw.publicIpIds()).stream().findFirst();
        return unknownAt(fw, at, port, protocol, internet(fw), List.of(cause), Optional.empty());
    }

    /**
     * An UNDETERMINED row on the firewall: {@code maybe} may be admitted, for the last of {@code causes}; the path is
     * the firewall's hop saying so, after {@code internetHop} when there is one.
     */
    private static Exposure unknownAt(
            AzureFirewall fw,
            Optional<Long> publicAddress,
            int port,
            Protocol protocol,
            AddressSet maybe,
            List<String> causes,
            Optional<Hop> internetHop) {
        String cause = causes.get(causes.size() - 1);
        List<Hop> path = new ArrayList<>();
        internetHop.ifPresent(path::add);
        path.add(new Hop(fw.id().value(), HopKind.AZURE_FIREWALL, List.of(new Step(StepType.FILTER, cause + "."))));
        return new Exposure(
                fw.id(),
                HopKind.AZURE_FIREWALL.label(),
                fw.name(),
                publicAddress,
                port,
                protocol,
                Verdict.UNDETERMINED,
                AddressSet.EMPTY,
                maybe,
                List.of(),
                causes,
                List.of(),
                path,
                Optional.empty());
    }

    private static DnatPublication publication(Published p, long target, int port, AddressSet fwRange) {
        return new DnatPublication(
                p.fw().id(),
                p.fw().name(),
                p.collection().name(),
                p.rule().name(),
                p.collection().priority(),
                p.publicAddresses(),
                p.rule().destinationPorts(),
                target,
                port,
                fwRange);
    }

    private static String describe(AzureFirewall fw, FirewallRuleCollection c, FirewallRule rule) {
        return "DNAT rule " + rule.name() + " of collection " + c.name() + " (priority " + c.priority() + ")";
    }

    private static String publicAddresses(Published p) {
        return String.join(", ", p.publicAddresses().stream().map(Ipv4::format).toList()) + " (" + p.fw().name() + ")";
    }

    /** The protocol a row is evaluated over: the one asked when the rule has it, one of the rule's for ANY. */
    private static Optional<Protocol> protocol(FirewallRule rule, Protocol asked) {
        if (rule.protocols().contains("ANY")) {
            return Optional.of(asked);
        }
        if (asked == Protocol.ANY) {
            return rule.protocols().size() == 1
                    ? Optional.of(Protocol.parse(rule.protocols().get(0)))
                    : Optional.of(asked);
        }
        return rule.protocols().stream().anyMatch(x -> Protocol.parse(x) == asked)
                ? Optional.of(asked)
                : Optional.empty();
    }

    /** The ports a rule translates to: its translated port, or its destination ports when it gives none. */
    private static PortSet translatedPorts(FirewallRule rule) {
        if (!rule.translatedPort().isBlank()) {
            try {
                return PortSet.single(Integer.parseInt(rule.translatedPort().trim()));
            } catch (NumberFormatException e) {
                return PortSet.EMPTY;
            }
        }
        List<PortRange> ranges = new ArrayList<>();
        for (String d : rule.destinationPorts()) {
            ranges.add(d.equals("*") ? PortRange.ALL : PortRange.parse(d));
        }
        return PortSet.of(ranges);
    }
}
