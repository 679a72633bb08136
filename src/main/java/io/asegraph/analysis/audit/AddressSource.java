package io.asegraph.analysis.audit;

import java.util.List;
import java.util.Objects;

/**
 * Where the addresses on one side of a health requirement come from, as the requirements table names them; resolved
 * for one ASE into a {@link Party} by {@link Parties}.
 *
 * @param kind  which set
 * @param tag   the service tag ({@link Kind#SERVICE_TAG}) or the name the ASE's region is appended to
 *              ({@link Kind#REGIONAL_SERVICE_TAG}: {@code Sql} → {@code Sql.<region>}); empty otherwise
 * @param what  what the tag's addresses are, in words ({@code Azure Storage}); empty when there is no tag
 * @param parts the sets united ({@link Kind#ALL_OF}); empty otherwise
 */
record AddressSource(Kind kind, String tag, String what, List<AddressSource> parts) {
    /** The kinds of address set a requirement names. */
    enum Kind {
        /** Every address of the ASE's subnet. */
        ASE_SUBNET,
        /** The Internet tag: every public address. */
        INTERNET,
        /** The Azure load balancer, 168.63.129.16. */
        AZURE_LOAD_BALANCER,
        /** AppServiceManagement when imported, else the whole Internet, which the v1 documentation names as the source. */
        MANAGEMENT_OR_INTERNET,
        /** AppServiceManagement when imported, else the whole Internet as a superset that holds it. */
        MANAGEMENT_WITHIN_INTERNET,
        /** A service tag when imported, else the whole Internet as a superset that holds it. */
        SERVICE_TAG,
        /** A service tag of the ASE's region ({@code Sql.<region>}), else the whole Internet. */
        REGIONAL_SERVICE_TAG,
        /** The DNS servers, not modelled: every Internet and VNet-topology address. */
        DNS_SERVERS,
        /** The union of {@code parts}. */
        ALL_OF
    }

    static final AddressSource ASE_SUBNET = of(Kind.ASE_SUBNET);
    static final AddressSource INTERNET = of(Kind.INTERNET);
    static final AddressSource AZURE_LOAD_BALANCER = of(Kind.AZURE_LOAD_BALANCER);
    static final AddressSource MANAGEMENT_OR_INTERNET = of(Kind.MANAGEMENT_OR_INTERNET);
    static final AddressSource MANAGEMENT_WITHIN_INTERNET = of(Kind.MANAGEMENT_WITHIN_INTERNET);
    static final AddressSource DNS_SERVERS = of(Kind.DNS_SERVERS);

    AddressSource {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(what, "what");
        parts = List.copyOf(parts);
    }

    private static AddressSource of(Kind kind) {
        return new AddressSource(kind, "", "", List.of());
    }

    /** The service tag {@code tag}: {@code what} it holds, in words. */
    static AddressSource tag(String tag, String what) {
        return new AddressSource(Kind.SERVICE_TAG, tag, what, List.of());
    }

    /** The service tag {@code tag.<the ASE's region>}: {@code what} it holds, in words. */
    static AddressSource regionalTag(String tag, String what) {
        return new AddressSource(Kind.REGIONAL_SERVICE_TAG, tag, what, List.of());
    }

    /** The union of {@code parts}, described as all of them. */
    static AddressSource allOf(AddressSource... parts) {
        return new AddressSource(Kind.ALL_OF, "", "", List.of(parts));
    }
}
