package io.asegraph.analysis.audit;

import io.asegraph.net.AddressSet;
import io.asegraph.policy.PolicySet;
import io.asegraph.policy.PrefixResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves the address sources of the requirements table for one ASE: service tags from the imported Service Tags
 * file, and the superset the model checks (with the reason) where a tag is not imported or a set is not modelled.
 */
final class Parties {
    private final PolicySet policies;
    /** Unions of dependency sets (full service tags), built once per estate. */
    private final ConcurrentHashMap<String, AddressSet> unions = new ConcurrentHashMap<>();

    Parties(PolicySet policies) {
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    /** The addresses {@code source} names for the ASE under check. */
    Party resolve(AddressSource source, HealthSubject subject) {
        return switch (source.kind()) {
            case ASE_SUBNET -> new Party(
                    subject.subnet().addresses(),
                    "the ASE subnet " + subject.subnet().label());
            case INTERNET -> new Party(PrefixResolver.INTERNET, "the Internet");
            case AZURE_LOAD_BALANCER -> new Party(
                    PrefixResolver.AZURE_LOAD_BALANCER, "the Azure load balancer " + "(168.63.129.16)");
            case MANAGEMENT_OR_INTERNET -> management(true);
            case MANAGEMENT_WITHIN_INTERNET -> management(false);
            case SERVICE_TAG -> tag(source.tag(), source.what());
            case REGIONAL_SERVICE_TAG -> regionalTag(source.tag(), source.what(), subject);
            case DNS_SERVERS -> dns(subject);
            case ALL_OF -> allOf(
                    source.parts().stream().map(p -> resolve(p, subject)).toList());
        };
    }

    /** AppServiceManagement when imported; otherwise the whole Internet, which v1 documents as the source. */
    private Party management(boolean internetDocumented) {
        Optional<AddressSet> tag = policies.serviceTagAddresses("AppServiceManagement");
        if (tag.isPresent()) {
            return new Party(tag.get(), "AppServiceManagement");
        }
        return new Party(
                PrefixResolver.INTERNET,
                "the Internet",
                internetDocumented,
                Optional.of("the " + "AppServiceManagement tag is not imported"),
                Optional.of(
                        internetDocumented
                                ? "AppServiceManagement is "
                                        + "not imported, so every Internet address is required, as the v1 documentation states"
                                : "AppServiceManagement is not imported, so the whole Internet, which holds it, is checked"));
    }

    private Party tag(String name, String what) {
        Optional<AddressSet> tag = policies.serviceTagAddresses(name);
        if (tag.isPresent()) {
            return new Party(tag.get(), what + " (" + name + ")");
        }
        return new Party(
                PrefixResolver.INTERNET,
                what + " (" + name + ")",
                false,
                Optional.of("the " + name + " tag is not imported"),
                Optional.of(name + " is not imported, so the whole Internet, which holds it, is " + "checked"));
    }

    private Party regionalTag(String name, String what, HealthSubject subject) {
        String region = subject.ase().location().isBlank()
                ? subject.subnet().location()
                : subject.ase().location();
        if (region.isBlank()) {
            return new Party(
                    PrefixResolver.INTERNET,
                    what + " in the ASE's region",
                    false,
                    Optional.of("the ASE's " + "region is not recorded"),
                    Optional.of("the ASE's region is not recorded, so the whole Internet is " + "checked"));
        }
        return tag(name + "." + region, what + " in " + region);
    }

    /** DNS servers are not modelled: any Internet or VNet-topology address may be one. */
    private static Party dns(HealthSubject subject) {
        AddressSet servers = PrefixResolver.INTERNET.union(subject.routes().virtualNetworkTopology());
        return new Party(
                servers,
                "its DNS servers",
                false,
                Optional.of("the DNS servers are not modelled"),
                Optional.of("DNS servers are not modelled, so every Internet and VNet-topology address is checked"));
    }

    /**
     * The union of several dependency sets (routes toward the VNet topology are not the question: the route check
     * leaves that part out).
     */
    private Party allOf(List<Party> parts) {
        boolean exact = true;
        List<String> names = new ArrayList<>();
        Optional<String> because = Optional.empty();
        List<String> notes = new ArrayList<>();
        for (Party p : parts) {
            exact &= p.exact();
            names.add(p.description());
            because = because.or(p::because);
            p.note().ifPresent(notes::add);
        }
        AddressSet all = unions.computeIfAbsent(String.join("|", names), k -> {
            AddressSet u = AddressSet.EMPTY;
            for (Party p : parts) {
                u = u.union(p.addresses());
            }
            return u;
        });
        return new Party(
                all,
                String.join(" and ", names),
                exact,
                because,
                notes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", notes)));
    }
}
