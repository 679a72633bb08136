package io.asegraph.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.bench.EstateGenerator;
import io.asegraph.bench.EstateSpec;
import io.asegraph.importing.ImportParser;
import io.asegraph.importing.ParsedDocument;
import io.asegraph.policy.PolicyTypes;
import io.asegraph.topology.AzureFirewall;
import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.ResourceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The estate at a past version is rebuilt from recorded states: each state turned back into its record must give the
 * same state again, for every kind; what a state cannot tell is refused, never guessed.
 */
class ResourceRecordsTest {
    @Test
    void everyKindsStateComesBackFromTheRecordRebuiltFromIt() {
        Set<ResourceKind> covered = EnumSet.noneOf(ResourceKind.class);
        ResourceDifferTest.everyKind().forEach(a -> {
            for (int i = 0; i < 2; i++) {
                ResourceState s = ResourceState.of(a.get()[i]);
                roundTrip(s);
                covered.add(s.kind());
            }
        });
        assertEquals(EnumSet.allOf(ResourceKind.class), covered);
    }

    @Test
    void everyResourceOfTheReferenceTopologyAndOfAGeneratedEstateComesBack(@TempDir Path dir) throws Exception {
        EstateGenerator.generate(new EstateSpec(3, 12, 3, 6, 10, 8, 400, 2, 2, 1, 1, 3, 3, 60), 11, dir, false);
        List<ParsedDocument> docs = List.of(
                parse(Path.of("graph-seed/reference-topology.az.json")),
                parse(dir.resolve(EstateGenerator.RESOURCES_FILE)),
                parse(dir.resolve(EstateGenerator.SERVICE_TAGS_FILE)));
        Map<ResourceKind, Integer> counts = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (ParsedDocument d : docs) {
            Stream.concat(NetworkTypes.ALL.stream(), PolicyTypes.ALL.stream()).forEach((ResourceType<?> t) -> {
                for (Object r : d.of(t)) {
                    ResourceState s = ResourceState.of(r);
                    try {
                        roundTrip(s);
                        counts.merge(s.kind(), 1, Integer::sum);
                    } catch (ResourceRecords.NotRebuildable e) {
                        refused.add(e.getMessage());
                    }
                }
            });
        }
        assertEquals(List.of(), refused);
        assertTrue(counts.getOrDefault(ResourceKind.NETWORK_SECURITY_GROUP, 0) > 5, counts.toString());
        assertTrue(counts.getOrDefault(ResourceKind.SERVICE_TAGS, 0) > 0, counts.toString());
        assertTrue(counts.size() >= 12, "kinds rebuilt: " + counts);
    }

    @Test
    void aFirewallsSnatRangesSetToNoneComeBackAsNoneAndUnsetAsUnset() {
        AzureFirewall fw = ResourceDifferTest.everyKind()
                .map(a -> a.get()[0])
                .filter(AzureFirewall.class::isInstance)
                .map(AzureFirewall.class::cast)
                .findFirst()
                .orElseThrow();
        for (Optional<List<String>> ranges : List.of(Optional.<List<String>>empty(), Optional.of(List.<String>of()))) {
            AzureFirewall f = new AzureFirewall(
                    fw.id(),
                    fw.name(),
                    fw.location(),
                    fw.subnetId(),
                    fw.privateIp(),
                    fw.publicIpIds(),
                    ranges,
                    fw.ruleCollections(),
                    fw.policyId());
            AzureFirewall back = (AzureFirewall) ResourceRecords.record(ResourceState.of(f));
            assertEquals(ranges, back.snatPrivateRanges());
            assertEquals(f.ruleCollections(), back.ruleCollections());
        }
    }

    @Test
    void aStateThatDoesNotComeBackIsRefused() {
        ResourceState s = ResourceState.of(ResourceDifferTest.everyKind()
                .map(a -> a.get()[0])
                .filter(io.asegraph.topology.VirtualNetwork.class::isInstance)
                .findFirst()
                .orElseThrow());
        Map<String, Object> props = new LinkedHashMap<>(s.properties());
        props.put("unknownField", "x");
        var e = assertThrows(
                ResourceRecords.NotRebuildable.class,
                () -> ResourceRecords.record(new ResourceState(s.kind(), s.id(), s.name(), props)));
        assertTrue(e.getMessage().contains("unknownField"), e.getMessage());
    }

    private static void roundTrip(ResourceState s) {
        Object r = ResourceRecords.record(s);
        ResourceState again = ResourceState.of(r);
        assertEquals(s, again, "the state of " + s.id() + " rebuilt");
        // and through the JSON the change log stores
        assertEquals(s, ResourceState.of(ResourceRecords.record(reread(s))), s.id() + " via JSON");
    }

    /** {@code s} written as JSON and read back, as the change log stores it. */
    @SuppressWarnings("unchecked")
    private static ResourceState reread(ResourceState s) {
        try {
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            Map<String, Object> p = json.readValue(json.writeValueAsString(s.properties()), Map.class);
            return new ResourceState(s.kind(), s.id(), s.name(), p);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ParsedDocument parse(Path file) throws Exception {
        ParsedDocument d = ImportParser.parse(Files.readString(file));
        assertTrue(d.isValid(), file + ": " + d.problems());
        return d;
    }
}
