package io.asegraph.analysis.audit;

import static io.asegraph.analysis.audit.AddressSource.ASE_SUBNET;
import static io.asegraph.analysis.audit.AddressSource.AZURE_LOAD_BALANCER;
import static io.asegraph.analysis.audit.AddressSource.DNS_SERVERS;
import static io.asegraph.analysis.audit.AddressSource.INTERNET;
import static io.asegraph.analysis.audit.AddressSource.MANAGEMENT_OR_INTERNET;
import static io.asegraph.analysis.audit.AddressSource.MANAGEMENT_WITHIN_INTERNET;
import static io.asegraph.analysis.audit.AddressSource.allOf;
import static io.asegraph.analysis.audit.AddressSource.regionalTag;
import static io.asegraph.analysis.audit.AddressSource.tag;
import static io.asegraph.analysis.audit.AseDocumentation.V1_INBOUND_TRAFFIC;
import static io.asegraph.analysis.audit.AseDocumentation.V1_NETWORK_CONNECTIVITY;
import static io.asegraph.analysis.audit.AseDocumentation.V2_NETWORK_INFO;
import static io.asegraph.analysis.audit.AseDocumentation.V3_NETWORKING;
import static io.asegraph.net.Protocol.TCP;
import static io.asegraph.net.Protocol.UDP;
import static io.asegraph.policy.Direction.INBOUND;
import static io.asegraph.policy.Direction.OUTBOUND;

import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Direction;
import io.asegraph.topology.AseKind;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The health requirements table: the inbound and outbound connectivity Azure requires of each ASE version's network
 * (azure-semantics §2), one row per requirement, in the order the checks are reported. An ASE is checked against the
 * rows of its version, top to bottom ({@link #forKind(AseKind)}).
 *
 * <p>Columns of an NSG row: versions, check name, direction, protocols, destination ports, source, destination,
 * documentation, why. A route row names the destinations the ASE subnet must route straight to the Internet and the
 * outcome when it does not: FAIL, or WARN for v2, which supports forced tunnelling with service endpoints or egress
 * allow-listing (not modelled). The last row, an exclusive subnet, applies to every version: v1 and v3 document it,
 * v2 follows v1.
 *
 * <p>Sources and destinations ({@link AddressSource}): management is {@code AppServiceManagement} when a Service Tags
 * file is imported, else the whole Internet (for v1 the documented source, so checked exactly; for v2 a superset);
 * {@code Storage}, {@code Sql} and {@code Sql.<region>} fall back to the whole Internet, which holds them; DNS servers
 * are not modelled (every Internet and VNet-topology address).
 */
final class HealthRequirements {
    private static final Set<AseKind> V1 = Set.of(AseKind.ASEV1);
    private static final Set<AseKind> V2 = Set.of(AseKind.ASEV2);
    private static final Set<AseKind> V3 = Set.of(AseKind.ASEV3);
    private static final Set<AseKind> EVERY = Set.of(AseKind.values());

    /** Every requirement, grouped by version, in check order. */
    static final List<HealthRequirement> TABLE = List.of(
            // ASE v1 --------------------------------------------------------------------------------------------------
            management(
                    V1,
                    MANAGEMENT_OR_INTERNET,
                    V1_INBOUND_TRAFFIC,
                    "Azure manages the ASE over TCP 454-455 on its public VIP; blocking them makes " + "it unhealthy"),
            nsg(
                    V1,
                    "outbound-storage",
                    OUTBOUND,
                    List.of(TCP),
                    "80, 443, 445",
                    ASE_SUBNET,
                    tag("Storage", "Azure Storage worldwide"),
                    V1_NETWORK_CONNECTIVITY,
                    "the ASE reaches Azure Storage worldwide on TCP 80, 443 and 445 (Azure Files)"),
            nsg(
                    V1,
                    "outbound-sql",
                    OUTBOUND,
                    List.of(TCP),
                    "1433, 11000-11999, 14000-14999",
                    ASE_SUBNET,
                    regionalTag("Sql", "Azure SQL"),
                    V1_NETWORK_CONNECTIVITY,
                    "the ASE reaches Azure SQL in its region on TCP 1433, 11000-11999 and " + "14000-14999"),
            nsg(
                    V1,
                    "outbound-dns",
                    OUTBOUND,
                    List.of(UDP, TCP),
                    "53",
                    ASE_SUBNET,
                    DNS_SERVERS,
                    V1_NETWORK_CONNECTIVITY,
                    "the ASE reaches its DNS servers on port 53"),
            route(
                    V1,
                    "outbound-route",
                    allOf(tag("Storage", "Azure Storage"), regionalTag("Sql", "Azure SQL")),
                    CheckStatus.FAIL,
                    "80, 443, 445, 1433, 11000-11999, 14000-14999",
                    V1_NETWORK_CONNECTIVITY,
                    "the ASE's outbound dependencies are routed straight to the Internet from its "
                            + "subnet (not force-tunnelled), so they leave from its VIP"),
            // ASE v2 --------------------------------------------------------------------------------------------------
            management(
                    V2,
                    MANAGEMENT_WITHIN_INTERNET,
                    V2_NETWORK_INFO,
                    "App Service management reaches the ASE subnet on TCP 454-455; blocking them makes "
                            + "it unhealthy, then suspended"),
            nsg(
                    V2,
                    "inbound-load-balancer",
                    INBOUND,
                    List.of(TCP),
                    "16001",
                    AZURE_LOAD_BALANCER,
                    ASE_SUBNET,
                    V2_NETWORK_INFO,
                    "the Azure load balancer probes the ASE subnet on TCP 16001"),
            intraSubnet(INBOUND),
            intraSubnet(OUTBOUND),
            nsg(
                    V2,
                    "outbound-dns",
                    OUTBOUND,
                    List.of(UDP),
                    "53",
                    ASE_SUBNET,
                    DNS_SERVERS,
                    V2_NETWORK_INFO,
                    "the ASE reaches DNS servers on UDP 53"),
            nsg(
                    V2,
                    "outbound-ntp",
                    OUTBOUND,
                    List.of(UDP),
                    "123",
                    ASE_SUBNET,
                    INTERNET,
                    V2_NETWORK_INFO,
                    "the ASE reaches NTP on UDP 123 (any address)"),
            nsg(
                    V2,
                    "outbound-web",
                    OUTBOUND,
                    List.of(TCP),
                    "80, 443",
                    ASE_SUBNET,
                    INTERNET,
                    V2_NETWORK_INFO,
                    "the ASE reaches CRL, update and Azure service endpoints on TCP 80 and 443"),
            nsg(
                    V2,
                    "outbound-sql",
                    OUTBOUND,
                    List.of(TCP),
                    "1433",
                    ASE_SUBNET,
                    tag("Sql", "Azure SQL"),
                    V2_NETWORK_INFO,
                    "the ASE reaches Azure SQL (tag Sql) on TCP 1433"),
            nsg(
                    V2,
                    "outbound-monitoring",
                    OUTBOUND,
                    List.of(TCP),
                    "12000",
                    ASE_SUBNET,
                    INTERNET,
                    V2_NETWORK_INFO,
                    "the ASE reaches monitoring on TCP 12000"),
            route(
                    V2,
                    "management-return-route",
                    MANAGEMENT_WITHIN_INTERNET,
                    CheckStatus.FAIL,
                    "",
                    V2_NETWORK_INFO,
                    "replies to App Service management leave by the ASE's VIP, so the management "
                            + "addresses are routed to the Internet (otherwise routing is asymmetric)"),
            route(
                    V2,
                    "outbound-route",
                    allOf(tag("Storage", "Azure Storage"), tag("Sql", "Azure SQL")),
                    CheckStatus.WARN,
                    "80, 443, 1433",
                    V2_NETWORK_INFO,
                    "the ASE's outbound dependencies leave straight to the Internet, or forced "
                            + "tunnelling is set up as v2 supports it (service endpoints or egress allow-listing, not "
                            + "modelled)"),
            // ASE v3 --------------------------------------------------------------------------------------------------
            nsg(
                    V3,
                    "inbound-load-balancer",
                    INBOUND,
                    List.of(TCP),
                    "80",
                    AZURE_LOAD_BALANCER,
                    ASE_SUBNET,
                    V3_NETWORKING,
                    "the Azure load balancer reaches the ASE subnet on TCP 80"),
            // Every version -------------------------------------------------------------------------------------------
            new HealthRequirement.ExclusiveSubnet(
                    "subnet-exclusive",
                    EVERY,
                    "the ASE subnet holds nothing but the ASE: "
                            + "other resources deployed there block the ASE from reaching them, and creation requires an empty "
                            + "subnet",
                    List.of(V1_NETWORK_CONNECTIVITY, V3_NETWORKING)));

    private static final Map<AseKind, List<HealthRequirement>> BY_KIND = byKind();

    private HealthRequirements() {}

    /** The rows that apply to an ASE version, in check order. */
    static List<HealthRequirement> forKind(AseKind kind) {
        return BY_KIND.get(kind);
    }

    private static Map<AseKind, List<HealthRequirement>> byKind() {
        Map<AseKind, List<HealthRequirement>> m = new EnumMap<>(AseKind.class);
        for (AseKind kind : AseKind.values()) {
            m.put(kind, TABLE.stream().filter(r -> r.kinds().contains(kind)).toList());
        }
        return m;
    }

    private static HealthRequirement.Nsg nsg(
            Set<AseKind> kinds,
            String name,
            Direction direction,
            List<Protocol> protocols,
            String ports,
            AddressSource source,
            AddressSource destination,
            AseDocumentation documentation,
            String why) {
        return new HealthRequirement.Nsg(
                name,
                kinds,
                direction,
                protocols,
                Arrays.stream(ports.split(",\\s*")).map(PortRange::parse).toList(),
                source,
                destination,
                why,
                List.of(documentation));
    }

    /** Azure's management traffic from {@code source} reaches the ASE subnet on TCP 454-455. */
    private static HealthRequirement.Nsg management(
            Set<AseKind> kinds, AddressSource source, AseDocumentation documentation, String why) {
        return nsg(
                kinds, "inbound-management", INBOUND, List.of(TCP), "454-455", source, ASE_SUBNET, documentation, why);
    }

    /** ASE v2: the ASE subnet reaches itself on every port, in {@code direction}. */
    private static HealthRequirement.Nsg intraSubnet(Direction direction) {
        return nsg(
                V2,
                (direction == INBOUND ? "inbound" : "outbound") + "-intra-subnet",
                direction,
                List.of(TCP, UDP),
                "*",
                ASE_SUBNET,
                ASE_SUBNET,
                V2_NETWORK_INFO,
                "the ASE subnet reaches itself on every port");
    }

    private static HealthRequirement.Route route(
            Set<AseKind> kinds,
            String name,
            AddressSource destination,
            CheckStatus onFailure,
            String firewallPorts,
            AseDocumentation documentation,
            String why) {
        List<PortRange> ports = firewallPorts.isEmpty()
                ? List.of()
                : Arrays.stream(firewallPorts.split(",\\s*"))
                        .map(PortRange::parse)
                        .toList();
        return new HealthRequirement.Route(name, kinds, destination, onFailure, ports, why, List.of(documentation));
    }
}
