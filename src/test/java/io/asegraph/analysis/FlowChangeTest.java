package io.asegraph.analysis;

import static io.asegraph.analysis.FlowFixtures.flow;
import static io.asegraph.analysis.FlowFixtures.in;
import static io.asegraph.analysis.FlowFixtures.nsg;
import static io.asegraph.analysis.FlowFixtures.seedPolicyWith;
import static io.asegraph.analysis.ReferenceTopology.DB_NSG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.policy.Access;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.Topology;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FlowChange}: one flow asked before and after a change. What was gained and lost is the difference of the
 * allowed source ranges; the flow changed when any one of the verdict, the four source-range sets or the call source's
 * kind and addresses differs (each alone is enough) — and not when only the wording of the reason differs; a question
 * that fails on one side only is UNDETERMINED on that side, naming the side.
 */
class FlowChangeTest {
    static final Topology SEED = ReferenceTopology.topology();

    /** ase-one → db-vm-nic:1433, all of 10.0.1.0/26 admitted by the seed's db-nsg. */
    static FlowResult seed() {
        return flow(SEED, ReferenceTopology.policy(), "ase-one", "db-vm-nic", 1433);
    }

    /** The same with db-nsg admitting only 10.0.1.0/27. */
    static FlowResult firstHalf() {
        return flow(
                SEED,
                seedPolicyWith(nsg(
                        DB_NSG,
                        in("allow-sql-from-first-half", 100, Access.ALLOW, "10.0.1.0/27", "*", "1433"),
                        in("deny-sql-from-vnet", 200, Access.DENY, "VirtualNetwork", "*", "1433"))),
                "ase-one",
                "db-vm-nic",
                1433);
    }

    @Test
    void narrowingARuleLosesTheHalfItNoLongerAdmits() {
        FlowResult before = seed();
        FlowResult after = firstHalf();
        assertEquals(Verdict.ALLOWED, before.verdict(), before.reason());
        FlowChange c = FlowChange.of(before, after);
        assertTrue(c.changed());
        assertEquals(AddressSet.parse("10.0.1.32/27"), c.lost());
        assertTrue(c.gained().isEmpty(), c.gained().toString());
        assertSame(before, c.before());
        assertSame(after, c.after());
    }

    @Test
    void wideningItGainsThatHalf() {
        FlowChange c = FlowChange.of(firstHalf(), seed());
        assertTrue(c.changed());
        assertEquals(AddressSet.parse("10.0.1.32/27"), c.gained());
        assertTrue(c.lost().isEmpty());
    }

    @Test
    void theSameFlowTwiceIsUnchanged() {
        FlowChange c = FlowChange.of(seed(), seed());
        assertFalse(c.changed());
        assertTrue(c.gained().isEmpty());
        assertTrue(c.lost().isEmpty());
    }

    @Test
    void anotherReasonAloneIsNoChange() {
        FlowResult f = seed();
        assertFalse(FlowChange.of(f, copy(f, r -> r.reason("Another wording of the same answer.")))
                .changed());
    }

    static List<Object[]> oneFieldChanged() {
        AddressSet other = AddressSet.parse("192.0.2.0/24");
        CallSource vip = new CallSource(
                SourceKind.PUBLIC_VIP,
                Optional.of(0xC0000201L),
                Optional.empty(),
                "from the VIP",
                List.of(),
                AddressSet.parse("192.0.2.1/32"),
                AddressSet.EMPTY,
                AddressSet.EMPTY);
        return List.of(
                new Object[] {"verdict", (UnaryOperator<Parts>) p -> p.verdict(Verdict.PARTIAL)},
                new Object[] {"allowed", (UnaryOperator<Parts>) p -> p.allowed(other)},
                new Object[] {"denied", (UnaryOperator<Parts>) p -> p.denied(other)},
                new Object[] {"undetermined", (UnaryOperator<Parts>) p -> p.undetermined(other)},
                new Object[] {"unreachable", (UnaryOperator<Parts>) p -> p.unreachable(other)},
                new Object[] {"call source kind", (UnaryOperator<Parts>) p -> p.callSource(withKind(p.cs, vip))},
                new Object[] {"call source addresses", (UnaryOperator<Parts>) p -> p.callSource(withSources(p.cs))});
    }

    @ParameterizedTest(name = "another {0} alone is a change")
    @MethodSource("oneFieldChanged")
    void eachComparedFieldAloneIsAChange(String field, UnaryOperator<Parts> change) {
        FlowResult f = seed();
        assertTrue(FlowChange.of(f, copy(f, change)).changed(), field);
        assertTrue(FlowChange.of(copy(f, change), f).changed(), field);
    }

    @Test
    void aQuestionFailingAfterTheChangeOnlyIsUndeterminedAfterNamingWhy() {
        FlowResult before = seed();
        FlowChange c = FlowChange.ask(() -> before, () -> {
            throw new UnknownReferenceException("db-vm-nic", "No resource is named db-vm-nic.");
        });
        assertSame(before, c.before());
        assertEquals(Verdict.UNDETERMINED, c.after().verdict());
        assertEquals(
                "After the change: No resource is named db-vm-nic.", c.after().reason());
        assertTrue(c.changed());
        assertEquals(before.allowedSources(), c.lost());
    }

    @Test
    void aQuestionFailingBeforeTheChangeOnlyIsUndeterminedBeforeNamingWhy() {
        FlowResult after = seed();
        FlowChange c = FlowChange.ask(
                () -> {
                    throw new UnknownReferenceException("new-nic", "No resource is named new-nic.");
                },
                () -> after);
        assertEquals(Verdict.UNDETERMINED, c.before().verdict());
        assertEquals(
                "Before the change: No resource is named new-nic.", c.before().reason());
        assertSame(after, c.after());
        assertEquals(after.allowedSources(), c.gained());
    }

    @Test
    void aQuestionFailingOnBothSidesFailsWithTheFirstError() {
        UnknownReferenceException first = new UnknownReferenceException("x", "No resource is named x (before).");
        UnknownReferenceException second = new UnknownReferenceException("x", "No resource is named x (after).");
        UnknownReferenceException thrown = assertThrows(
                UnknownReferenceException.class,
                () -> FlowChange.ask(
                        () -> {
                            throw first;
                        },
                        () -> {
                            throw second;
                        }));
        assertSame(first, thrown);
    }

    @Test
    void aQuestionAnsweredOnBothSidesIsComparedAsAsked() {
        FlowChange c = FlowChange.ask(FlowChangeTest::seed, FlowChangeTest::firstHalf);
        assertEquals(AddressSet.parse("10.0.1.32/27"), c.lost());
        assertEquals(Verdict.PARTIAL, c.after().verdict());
    }

    static CallSource withKind(CallSource c, CallSource like) {
        return new CallSource(
                like.kind(),
                c.address(),
                c.addressRange(),
                c.reason(),
                c.trace(),
                c.sources(),
                c.privateSources(),
                c.destination());
    }

    static CallSource withSources(CallSource c) {
        return new CallSource(
                c.kind(),
                c.address(),
                c.addressRange(),
                c.reason(),
                c.trace(),
                c.sources().union(AddressSet.parse("10.9.9.0/24")),
                c.privateSources(),
                c.destination());
    }

    /** The parts of a flow result {@link FlowChange} compares, to copy one with a single part replaced. */
    static final class Parts {
        Verdict verdict;
        String reason;
        CallSource cs;
        AddressSet allowed;
        AddressSet denied;
        AddressSet undetermined;
        AddressSet unreachable;

        Parts verdict(Verdict v) {
            verdict = v;
            return this;
        }

        Parts reason(String r) {
            reason = r;
            return this;
        }

        Parts callSource(CallSource c) {
            cs = c;
            return this;
        }

        Parts allowed(AddressSet s) {
            allowed = s;
            return this;
        }

        Parts denied(AddressSet s) {
            denied = s;
            return this;
        }

        Parts undetermined(AddressSet s) {
            undetermined = s;
            return this;
        }

        Parts unreachable(AddressSet s) {
            unreachable = s;
            return this;
        }
    }

    static FlowResult copy(FlowResult f, UnaryOperator<Parts> change) {
        Parts p = new Parts();
        p.verdict = f.verdict();
        p.reason = f.reason();
        p.cs = f.callSource();
        p.allowed = f.allowedSources();
        p.denied = f.deniedSources();
        p.undetermined = f.undeterminedSources();
        p.unreachable = f.unreachableSources();
        change.apply(p);
        return new FlowResult(
                p.verdict,
                p.reason,
                p.cs,
                f.destination(),
                f.decisions(),
                f.blockers(),
                f.firewalls(),
                f.trace(),
                p.allowed,
                p.denied,
                p.undetermined,
                p.unreachable,
                f.outcomes(),
                f.causes(),
                f.warnings());
    }
}
