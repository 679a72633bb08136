package io.asegraph.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How big an estate {@link EstateGenerator} writes: the number of resources of each kind. {@link #LARGE} is the
 * estate of design.md "Scale to design for"; {@link #SMALL} is a handful of each kind for tests; {@link #MEDIUM} is
 * a tenth of large. Counts are exact: the generated {@code resources.json} holds precisely these numbers
 * (peerings count one {@code virtualNetworkPeerings} entry per side, as Azure does; rules count user
 * {@code securityRules}, not the six default rules every NSG carries).
 *
 * @param vnets            virtual networks
 * @param subnets          subnets, over all VNets (including one GatewaySubnet per gateway and one subnet per ASE)
 * @param ases             App Service Environments, each alone in its own subnet
 * @param apps             apps ({@code Microsoft.Web/sites}), every one on an ASE
 * @param nics             network interfaces, in subnets that hold no ASE and no gateway
 * @param nsgs             network security groups
 * @param rules            user security rules over all NSGs (spread evenly)
 * @param routeTables      route tables
 * @param peerings         VNet peerings (each side counts one)
 * @param gateways         virtual network gateways (VPN and ExpressRoute), one per hub VNet
 * @param natGateways      NAT gateways
 * @param asgs             application security groups
 * @param endpoints        {@code asegraph/endpoints} (Azure services and partner hosts outside any VNet)
 * @param tagPrefixes      distinct IPv4 leaf prefixes of the Service Tags file (each also listed in its global tag,
 *                         its AzureCloud region tag and AzureCloud, so the file holds about three to four times as many)
 */
public record EstateSpec(
        int vnets,
        int subnets,
        int ases,
        int apps,
        int nics,
        int nsgs,
        int rules,
        int routeTables,
        int peerings,
        int gateways,
        int natGateways,
        int asgs,
        int endpoints,
        int tagPrefixes) {

    /** A few of each kind: fast enough for every test run. */
    public static final EstateSpec SMALL = new EstateSpec(3, 12, 3, 6, 10, 8, 60, 2, 2, 1, 1, 3, 3, 60);
    /** A tenth of {@link #LARGE}. */
    public static final EstateSpec MEDIUM =
            new EstateSpec(50, 1_000, 100, 500, 1_000, 500, 10_000, 50, 100, 5, 10, 100, 20, 2_000);
    /** The estate of design.md "Scale to design for". */
    public static final EstateSpec LARGE =
            new EstateSpec(500, 10_000, 1_000, 5_000, 10_000, 5_000, 100_000, 500, 1_000, 50, 100, 1_000, 50, 8_000);

    /** The option names accepted by {@link #with(String, int)}, as written on the command line without "--". */
    public static final List<String> OPTIONS = List.of(
            "vnets",
            "subnets",
            "ases",
            "apps",
            "nics",
            "nsgs",
            "rules",
            "rules-per-nsg",
            "route-tables",
            "peerings",
            "gateways",
            "nat-gateways",
            "asgs",
            "endpoints",
            "tag-prefixes");

    /** Azure: user rule priorities run from 100 to 4096, unique per direction. */
    static final int PRIORITY_SLOTS = 4096 - 100 + 1;

    public EstateSpec {
        requireAtLeast("vnets", vnets, 1);
        requireAtLeast("subnets", subnets, 0);
        requireAtLeast("ases", ases, 0);
        requireAtLeast("apps", apps, 0);
        requireAtLeast("nics", nics, 0);
        requireAtLeast("nsgs", nsgs, 0);
        requireAtLeast("rules", rules, 0);
        requireAtLeast("route-tables", routeTables, 0);
        requireAtLeast("peerings", peerings, 0);
        requireAtLeast("gateways", gateways, 0);
        requireAtLeast("nat-gateways", natGateways, 0);
        requireAtLeast("asgs", asgs, 0);
        requireAtLeast("endpoints", endpoints, 0);
        requireAtLeast("tag-prefixes", tagPrefixes, 0);
        if (gateways > vnets) {
            throw new IllegalArgumentException("gateways (" + gateways + ") cannot exceed vnets (" + vnets
                    + "): each gateway sits in its own hub VNet");
        }
        if (subnets < ases + gateways) {
            throw new IllegalArgumentException("subnets (" + subnets + ") must be at least ases + gateways ("
                    + (ases + gateways) + "): every ASE and every gateway needs its own subnet");
        }
        if (apps > 0 && ases == 0) {
            throw new IllegalArgumentException("apps need at least one ASE to run on");
        }
        if (nics > 0 && subnets == ases + gateways) {
            throw new IllegalArgumentException("nics need subnets that hold no ASE and no gateway; raise subnets");
        }
        if (rules > 0 && nsgs == 0) {
            throw new IllegalArgumentException("rules need at least one NSG");
        }
        if (nsgs > 0 && (long) (rules + nsgs - 1) / nsgs > 2L * PRIORITY_SLOTS) {
            throw new IllegalArgumentException(
                    "at most " + 2 * PRIORITY_SLOTS + " rules fit in one NSG (priorities 100-4096 per direction)");
        }
        if ((long) peerings > (long) vnets * (vnets - 1)) {
            throw new IllegalArgumentException(
                    "peerings (" + peerings + ") exceed what " + vnets + " VNets can hold (one per ordered pair)");
        }
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }

    /** The preset called {@code small}, {@code medium} or {@code large}. */
    public static EstateSpec preset(String size) {
        return switch (size.toLowerCase(Locale.ROOT)) {
            case "small" -> SMALL;
            case "medium" -> MEDIUM;
            case "large" -> LARGE;
            default -> throw new IllegalArgumentException("unknown size '" + size + "' (small, medium, large)");
        };
    }

    /** User rules of NSG number {@code index}: the total spread evenly, the first NSGs taking the remainder. */
    public int rulesOfNsg(int index) {
        return rules / nsgs + (index < rules % nsgs ? 1 : 0);
    }

    /** This spec with one count replaced; {@code rules-per-nsg} sets rules to nsgs times the value. */
    public EstateSpec with(String option, int value) {
        return with(Map.of(option, value));
    }

    /**
     * This spec with several counts replaced at once (so that, say, {@code ases=0, apps=0} is never checked
     * half-applied); {@code rules-per-nsg} is applied last, to the final NSG count.
     */
    public EstateSpec with(Map<String, Integer> overrides) {
        int[] v = {
            vnets,
            subnets,
            ases,
            apps,
            nics,
            nsgs,
            rules,
            routeTables,
            peerings,
            gateways,
            natGateways,
            asgs,
            endpoints,
            tagPrefixes
        };
        List<String> fields =
                OPTIONS.stream().filter(o -> !o.equals("rules-per-nsg")).toList();
        for (Map.Entry<String, Integer> e : overrides.entrySet()) {
            if (!OPTIONS.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown option --" + e.getKey() + " (one of " + OPTIONS + ")");
            }
            if (!e.getKey().equals("rules-per-nsg")) {
                v[fields.indexOf(e.getKey())] = e.getValue();
            }
        }
        Integer perNsg = overrides.get("rules-per-nsg");
        if (perNsg != null) {
            v[fields.indexOf("rules")] = Math.multiplyExact(v[fields.indexOf("nsgs")], perNsg);
        }
        return new EstateSpec(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13]);
    }
}
