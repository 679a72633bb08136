package io.asegraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A generated estate parsed back with Jackson and indexed: top-level resources by type, and every id defined in the
 * file (resources and the children that carry their own id: subnets, peerings, rules, routes, IP configurations,
 * delegations) by lower-case id, since ARM ids are case-insensitive. Estates are generated once per JVM and size.
 */
final class GeneratedEstate {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, GeneratedEstate> CACHE = new ConcurrentHashMap<>();

    final String label;
    final EstateSpec spec;
    final EstateGenerator.Summary summary;
    final JsonNode resources;
    final JsonNode serviceTags;
    final Map<String, List<JsonNode>> byType = new LinkedHashMap<>();
    /** Lower-case id to the node that defines it. */
    final Map<String, JsonNode> defined = new LinkedHashMap<>();
    /** Lower-case id to the kind of thing that defines it (an ARM type, or "subnet", "rule" ...). */
    final Map<String, String> kindOf = new LinkedHashMap<>();

    final List<String> duplicateIds = new ArrayList<>();

    private GeneratedEstate(String label, EstateSpec spec, long seed) {
        this.label = label;
        this.spec = spec;
        try {
            Path dir = Files.createTempDirectory("asegraph-estate-" + label);
            summary = EstateGenerator.generate(spec, seed, dir, false);
            resources =
                    MAPPER.readTree(dir.resolve(EstateGenerator.RESOURCES_FILE).toFile());
            serviceTags = MAPPER.readTree(
                    dir.resolve(EstateGenerator.SERVICE_TAGS_FILE).toFile());
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode r : resources) {
            String type = r.path("type").asText();
            byType.computeIfAbsent(type, t -> new ArrayList<>()).add(r);
            define(r, type);
            JsonNode p = r.path("properties");
            switch (type) {
                case ResourceWriter.VNET -> {
                    for (JsonNode s : p.path("subnets")) {
                        define(s, "subnet");
                        for (JsonNode d : s.path("properties").path("delegations")) {
                            define(d, "delegation");
                        }
                    }
                    p.path("virtualNetworkPeerings").forEach(x -> define(x, "peering"));
                }
                case ResourceWriter.NSG -> {
                    p.path("securityRules").forEach(x -> define(x, "rule"));
                    p.path("defaultSecurityRules").forEach(x -> define(x, "defaultRule"));
                }
                case ResourceWriter.ROUTE_TABLE -> p.path("routes").forEach(x -> define(x, "route"));
                case ResourceWriter.NIC -> p.path("ipConfigurations").forEach(x -> define(x, "nicIpConfiguration"));
                case ResourceWriter.GATEWAY -> p.path("ipConfigurations")
                        .forEach(x -> define(x, "gatewayIpConfiguration"));
                default -> {}
            }
        }
    }

    private void define(JsonNode node, String kind) {
        String id = node.path("id").asText().toLowerCase(Locale.ROOT);
        if (defined.put(id, node) != null) {
            duplicateIds.add(id);
        }
        kindOf.put(id, kind);
    }

    static GeneratedEstate small() {
        return CACHE.computeIfAbsent("small", k -> new GeneratedEstate(k, EstateSpec.SMALL, 42));
    }

    /**
     * A mid-size estate with counts that do not divide evenly (to exercise the arithmetic) and several hubs,
     * ExpressRoute and VNet-to-VNet gateways.
     */
    static GeneratedEstate mid() {
        EstateSpec spec = new EstateSpec(23, 301, 31, 97, 211, 59, 1_003, 13, 40, 9, 5, 17, 8, 400);
        return CACHE.computeIfAbsent("mid", k -> new GeneratedEstate(k, spec, 7));
    }

    static Stream<GeneratedEstate> all() {
        return Stream.of(small(), mid());
    }

    List<JsonNode> ofType(String type) {
        return byType.getOrDefault(type, List.of());
    }

    JsonNode resolve(String id) {
        return defined.get(id.toLowerCase(Locale.ROOT));
    }

    String kind(String id) {
        return kindOf.get(id.toLowerCase(Locale.ROOT));
    }

    Stream<JsonNode> subnets() {
        return ofType(ResourceWriter.VNET).stream()
                .flatMap(v -> stream(v.path("properties").path("subnets")));
    }

    Stream<JsonNode> securityRules() {
        return ofType(ResourceWriter.NSG).stream()
                .flatMap(n -> stream(n.path("properties").path("securityRules")));
    }

    static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }

    /** The service tag names of the Service Tags file. */
    List<String> tagNames() {
        return stream(serviceTags.path("values"))
                .map(v -> v.path("name").asText())
                .toList();
    }

    @Override
    public String toString() {
        return label;
    }
}
