package io.asegraph.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import io.asegraph.net.Cidr;
import io.asegraph.net.Ipv4;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The Service Tags file of a generated estate, shaped like the downloadable {@code ServiceTags_Public_*.json}
 * (<a href="https://learn.microsoft.com/azure/virtual-network/service-tags-overview">service tags overview</a>,
 * azure-semantics.md section 5).
 *
 * <p>The address plan is consistent the way Azure's file is: disjoint IPv4 "leaf" prefixes are owned by one
 * regional tag ({@code Sql.WestUS}) or one global-only tag ({@code AppServiceManagement}); a global tag
 * ({@code Sql}) is the union of its regional tags; {@code AzureCloud.westus} is every regional leaf of the region plus
 * the region's public address block (which also holds the estate's ASE VIPs and public IPs); {@code AzureCloud} is
 * everything. Some tags carry an IPv6 prefix. Names follow Azure's spelling, including its quirks: PascalCase
 * regions for service tags, lower case for AzureCloud, and dotted global names such as
 * {@code AzureFrontDoor.Frontend} that are not regional.
 */
final class ServiceTagCatalog {

    /** A service with its {@code systemService} value; regional ones have {@code Name.Region} tags. */
    record Service(String name, String systemService, boolean regional, int weight) {}

    static final List<Service> SERVICES = List.of(
            new Service("Sql", "AzureSQL", true, 3),
            new Service("Storage", "AzureStorage", true, 4),
            new Service("AppService", "AzureAppService", true, 2),
            new Service("AzureKeyVault", "AzureKeyVault", true, 1),
            new Service("EventHub", "AzureEventHub", true, 1),
            new Service("ServiceBus", "AzureServiceBus", true, 1),
            new Service("AzureCosmosDB", "AzureCosmosDB", true, 1),
            new Service("AzureMonitor", "AzureMonitor", true, 2),
            new Service("AzureContainerRegistry", "AzureContainerRegistry", true, 1),
            new Service("ApiManagement", "AzureApiManagement", true, 1),
            new Service("MicrosoftContainerRegistry", "MicrosoftContainerRegistry", true, 1),
            new Service("DataFactory", "DataFactory", true, 1),
            new Service("AppServiceManagement", "AzureAppServiceManagement", false, 3),
            new Service("AzureActiveDirectory", "AzureAD", false, 2),
            new Service("AzureFrontDoor.Frontend", "AzureFrontDoor", false, 1),
            new Service("AzureFrontDoor.Backend", "AzureFrontDoor", false, 1),
            new Service("GatewayManager", "GatewayManager", false, 1),
            new Service("AzureResourceManager", "AzureResourceManager", false, 1),
            new Service("AzureTrafficManager", "AzureTrafficManager", false, 1),
            new Service("PowerBI", "PowerBI", false, 1),
            new Service("SqlManagement", "SqlManagement", false, 1),
            new Service("AzurePortal", "AzurePortal", false, 1));

    /** Regional tags that always exist for every VNet region (rules, routes and endpoints use them). */
    static final List<String> REQUIRED_REGIONAL = List.of("Sql", "Storage", "AppService", "AzureKeyVault");

    /** Leaf prefix lengths and their weights (a realistic spread from /32 hosts to /20 blocks). */
    private static final int[] LENGTHS = {32, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20};

    private static final int[] LENGTH_WEIGHTS = {5, 5, 10, 10, 10, 15, 10, 15, 8, 6, 3, 3};

    /** Azure-owned public ranges the leaves are carved from (none overlaps the region blocks in 23.96.0.0/13). */
    private static final long[][] LEAF_POOLS = {
        {Ipv4.of(13, 64, 0, 0), 11},
        {Ipv4.of(20, 0, 0, 0), 8},
        {Ipv4.of(40, 64, 0, 0), 10},
        {Ipv4.of(52, 0, 0, 0), 8},
        {Ipv4.of(104, 40, 0, 0), 13},
        {Ipv4.of(137, 116, 0, 0), 15},
        {Ipv4.of(191, 232, 0, 0), 13}
    };

    private final long changeNumber;
    /** Tag name to its entry, in Azure's (case-insensitive alphabetical) order. */
    private final Map<String, Tag> tags;

    private final int ipv4Entries;
    private final int ipv6Entries;

    private static final class Tag {
        final String name;
        final String region;
        final int regionId;
        final String systemService;
        final boolean features;
        final int changeNumber;
        final List<Long> leaves = new ArrayList<>();
        final List<String> ipv6 = new ArrayList<>();

        Tag(String name, Region region, String systemService, boolean features, int changeNumber) {
            this.name = name;
            this.region = region == null ? "" : region.name();
            this.regionId = region == null ? 0 : region.regionId();
            this.systemService = systemService;
            this.features = features;
            this.changeNumber = changeNumber;
        }
    }

    /** Builds the catalog for an estate whose VNets use the first {@code vnetRegions} regions. */
    ServiceTagCatalog(int leafCount, int vnetRegions, SplittableRandom random) {
        List<Service> regionalServices =
                SERVICES.stream().filter(Service::regional).toList();
        List<Service> globalServices =
                SERVICES.stream().filter(s -> !s.regional()).toList();
        int required = REQUIRED_REGIONAL.size() * vnetRegions + globalServices.size();
        if (leafCount < required) {
            throw new IllegalArgumentException("tag-prefixes must be at least " + required + " for an estate in "
                    + vnetRegions + " regions (every required regional and global tag owns at least one prefix)");
        }
        changeNumber = 300 + random.nextInt(100);
        Map<String, Tag> byName = new TreeMap<>(Comparator.comparing((String s) -> s.toLowerCase(java.util.Locale.ROOT))
                .thenComparing(Comparator.naturalOrder()));

        // Owners of leaves: (service, region) pairs and global-only services, with their weights.
        List<Tag> owners = new ArrayList<>();
        List<Integer> ownerWeights = new ArrayList<>();
        List<Tag> requiredOwners = new ArrayList<>();
        for (Service s : regionalServices) {
            for (Region r : Region.ALL) {
                Tag t = new Tag(s.name() + "." + r.pascal(), r, s.systemService(), true, 1 + random.nextInt(40));
                owners.add(t);
                ownerWeights.add(s.weight());
                if (REQUIRED_REGIONAL.contains(s.name()) && r.index() < vnetRegions) {
                    requiredOwners.add(t);
                }
            }
        }
        for (Service s : globalServices) {
            Tag t = new Tag(s.name(), null, s.systemService(), !s.name().equals("AzurePortal"), 1 + random.nextInt(40));
            owners.add(t);
            ownerWeights.add(s.weight());
            requiredOwners.add(t);
        }
        int totalWeight = ownerWeights.stream().mapToInt(Integer::intValue).sum();

        AddressPool[] pools = new AddressPool[LEAF_POOLS.length];
        for (int i = 0; i < pools.length; i++) {
            pools[i] = new AddressPool("service tag", LEAF_POOLS[i][0], LEAF_POOLS[i][1]);
        }
        for (int i = 0; i < leafCount; i++) {
            Tag owner =
                    i < requiredOwners.size() ? requiredOwners.get(i) : pick(owners, ownerWeights, totalWeight, random);
            int length = weighted(LENGTHS, LENGTH_WEIGHTS, random);
            long base = leafBlock(pools, length, random);
            owner.leaves.add(encode(base, length));
        }

        // Owners with leaves become tags; global tags are unions of their regional tags.
        for (int i = 0; i < owners.size(); i++) {
            Tag owner = owners.get(i);
            if (owner.leaves.isEmpty()) {
                continue;
            }
            if (i % 3 == 0) {
                owner.ipv6.add(ipv6(owner.regionId, i));
            }
            byName.put(owner.name, owner);
        }
        Map<Integer, Tag> azureCloudRegional = new TreeMap<>();
        for (Region r : Region.ALL) {
            Tag t = new Tag("AzureCloud." + r.name(), r, "", true, 1 + random.nextInt(40));
            t.leaves.add(encode(publicBlock(r), PUBLIC_BLOCK_LENGTH));
            t.ipv6.add(ipv6(r.regionId(), 4095));
            azureCloudRegional.put(r.index(), t);
        }
        Tag azureCloud = new Tag("AzureCloud", null, "", true, 1 + random.nextInt(40));
        for (Service s : SERVICES) {
            if (!s.regional()) {
                continue;
            }
            Tag global = new Tag(s.name(), null, s.systemService(), true, 1 + random.nextInt(40));
            for (Region r : Region.ALL) {
                Tag regional = byName.get(s.name() + "." + r.pascal());
                if (regional != null) {
                    global.leaves.addAll(regional.leaves);
                    global.ipv6.addAll(regional.ipv6);
                    azureCloudRegional.get(r.index()).leaves.addAll(regional.leaves);
                    azureCloudRegional.get(r.index()).ipv6.addAll(regional.ipv6);
                }
            }
            if (!global.leaves.isEmpty()) {
                byName.put(global.name, global);
            }
        }
        for (Tag t : azureCloudRegional.values()) {
            byName.put(t.name, t);
        }
        for (Tag t : byName.values()) {
            azureCloud.leaves.addAll(t.leaves);
            azureCloud.ipv6.addAll(t.ipv6);
        }
        byName.put(azureCloud.name, azureCloud);

        int v4 = 0;
        int v6 = 0;
        for (Tag t : byName.values()) {
            long[] sorted = t.leaves.stream()
                    .mapToLong(Long::longValue)
                    .distinct()
                    .sorted()
                    .toArray();
            t.leaves.clear();
            Arrays.stream(sorted).forEach(t.leaves::add);
            List<String> six = t.ipv6.stream().distinct().sorted().toList();
            t.ipv6.clear();
            t.ipv6.addAll(six);
            v4 += t.leaves.size();
            v6 += t.ipv6.size();
        }
        this.tags = byName;
        this.ipv4Entries = v4;
        this.ipv6Entries = v6;
    }

    static final int PUBLIC_BLOCK_LENGTH = 18;

    private static final String[] NETWORK_FEATURES = {"API", "NSG", "UDR", "FW"};

    /** The region's block of public addresses (in AzureCloud.region) for VIPs and public IP resources. */
    static long publicBlock(Region region) {
        return Ipv4.of(23, 96, 0, 0) + (long) region.index() * Cidr.blockSize(PUBLIC_BLOCK_LENGTH);
    }

    /** A leaf from a random pool, moving on to the next pool when one is full. */
    private static long leafBlock(AddressPool[] pools, int length, SplittableRandom random) {
        int first = random.nextInt(pools.length);
        long gap = random.nextLong(2 * Cidr.blockSize(length));
        for (int k = 0; k < pools.length; k++) {
            long base = pools[(first + k) % pools.length].tryAllocate(length, gap);
            if (base >= 0) {
                return base;
            }
        }
        throw new IllegalArgumentException("tag-prefixes is too large for the generator's Azure address plan");
    }

    private static long encode(long base, int length) {
        return (base << 6) | length;
    }

    private static String cidr(long leaf) {
        return new Cidr(leaf >>> 6, (int) (leaf & 63)).toString();
    }

    private static String ipv6(int regionId, int index) {
        return "2603:1030:" + Integer.toHexString(regionId) + ":" + Integer.toHexString(index) + "::/64";
    }

    private static Tag pick(List<Tag> owners, List<Integer> weights, int total, SplittableRandom random) {
        int x = random.nextInt(total);
        for (int i = 0; i < owners.size(); i++) {
            x -= weights.get(i);
            if (x < 0) {
                return owners.get(i);
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    static int weighted(int[] values, int[] weights, SplittableRandom random) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    boolean has(String name) {
        return tags.containsKey(name);
    }

    /** The regional tag of a service ({@code Sql.WestUS}); required regional tags always exist for VNet regions. */
    String regional(String service, Region region) {
        String name = service + "." + region.pascal();
        if (!tags.containsKey(name)) {
            throw new IllegalStateException("no service tag " + name);
        }
        return name;
    }

    /** The IPv4 prefixes of a tag, as CIDR text in address order. */
    List<String> prefixes(String name) {
        Tag t = tags.get(name);
        if (t == null) {
            throw new IllegalStateException("no service tag " + name);
        }
        return t.leaves.stream().map(ServiceTagCatalog::cidr).toList();
    }

    int tagCount() {
        return tags.size();
    }

    int ipv4Entries() {
        return ipv4Entries;
    }

    int ipv6Entries() {
        return ipv6Entries;
    }

    /** Writes the whole file: {@code {changeNumber, cloud, values: [...]}}. */
    void write(JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeNumberField("changeNumber", changeNumber);
        json.writeStringField("cloud", "Public");
        json.writeArrayFieldStart("values");
        for (Tag t : tags.values()) {
            json.writeStartObject();
            json.writeStringField("name", t.name);
            json.writeStringField("id", t.name);
            json.writeObjectFieldStart("properties");
            json.writeNumberField("changeNumber", t.changeNumber);
            json.writeStringField("region", t.region);
            json.writeNumberField("regionId", t.regionId);
            json.writeStringField("platform", "Azure");
            json.writeStringField("systemService", t.systemService);
            json.writeArrayFieldStart("addressPrefixes");
            for (long leaf : t.leaves) {
                json.writeString(cidr(leaf));
            }
            for (String six : t.ipv6) {
                json.writeString(six);
            }
            json.writeEndArray();
            json.writeFieldName("networkFeatures");
            if (t.features) {
                json.writeArray(NETWORK_FEATURES, 0, NETWORK_FEATURES.length);
            } else {
                json.writeNull();
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
