package io.asegraph.graph;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.analysis.GeneratedEstates;
import io.asegraph.analysis.SameAnswers;
import io.asegraph.bench.EstateSpec;
import io.asegraph.estate.Estate;
import io.asegraph.importing.AzJson;
import io.asegraph.importing.ImportParser;
import io.asegraph.importing.ParsedDocument;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.service.Engines;
import io.asegraph.topology.ResourceId;
import io.asegraph.topology.Subnet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * After a committed write of one NSG the service moves its snapshot on in memory ({@link EstatePatch#apply}) and its
 * engine with it ({@code Engines.current}, {@link Engines#derive}): the snapshot keeps the old topology object, and the
 * derived engine answers every flow and audit exactly as one built from scratch — for a chain of writes, whether the
 * engine before was warmed (audits derived) or not (audits computed afresh, chains of snapshots never kept).
 */
class WriteDerivationTest {
    @Test
    void aChainOfNsgWritesDerivesEnginesThatAnswerAsFullBuilds() {
        Estate estate = GeneratedEstates.load(new EstateSpec(4, 24, 4, 8, 16, 8, 60, 2, 4, 2, 2, 5, 4, 40), 7);
        Engines.Built engine = Engines.build(estate);
        engine.audits().warm();
        Set<ResourceId> atAses = estate.topology().environments().stream()
                .map(a -> estate.topology().subnet(a.subnetId()).flatMap(Subnet::nsgId))
                .flatMap(java.util.Optional::stream)
                .collect(Collectors.toSet());
        List<NetworkSecurityGroup> targets = estate.policies().nsgs().stream()
                .filter(n -> atAses.contains(n.id()))
                .limit(3)
                .toList();
        assertFalse(targets.isEmpty(), "the estate has NSGs at ASE subnets");
        int write = 0;
        for (NetworkSecurityGroup target : targets) {
            write++;
            Estate before = engine.estate();
            NetworkSecurityGroup nsg = before.policies().nsg(target.id()).orElseThrow();
            // A deny of the ASE management traffic at the top: a rule the ASE health checks read.
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("name", "write-derivation-" + write);
            rule.put(
                    "properties",
                    Map.of(
                            "priority", 101 + write,
                            "direction", "Inbound",
                            "access", "Deny",
                            "protocol", "*",
                            "sourceAddressPrefix", "AppServiceManagement",
                            "sourcePortRange", "*",
                            "destinationAddressPrefix", "*",
                            "destinationPortRange", "*"));
            ParsedDocument doc =
                    ImportParser.parse(AzJson.nsgWithRule(nsg, rule).json(), GraphImporter.known(before));
            assertTrue(doc.isValid(), () -> doc.problems().toString());
            ImportBatch batch = ImportDiff.of(doc, before).batch();
            Estate after =
                    EstatePatch.apply(before, batch, before.version() + 1).orElseThrow();
            assertSame(before.topology(), after.topology(), "a write of an NSG keeps the topology");

            Engines.Built derived = Engines.derive(engine, after);
            assertSame(engine.context().routing(), derived.context().routing(), "routing shared");
            // The engine before was warmed, as the service's warm-up does after every write: its audits are reused.
            assertTrue(derived.audits().derived(), "write " + write + " derives its audits");
            SameAnswers.assertSameAnswers(engine, derived, Engines.build(SameAnswers.fresh(after)), "write " + write);
            if (write == 2) {
                // Not warmed: the next write's audits are computed afresh rather than chained to this one.
                Estate next = EstatePatch.apply(after, ImportDiff.of(doc, after).batch(), after.version() + 1)
                        .orElseThrow();
                Engines.Built unwarmed = Engines.derive(derived, next);
                assertFalse(unwarmed.audits().derived(), "derived from audits not yet warmed: computed afresh");
                SameAnswers.assertSameAnswers(
                        derived, unwarmed, Engines.build(SameAnswers.fresh(next)), "write after an unwarmed one");
            }
            derived.audits().warm();
            engine = derived;
        }
    }
}
