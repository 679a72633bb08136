package io.asegraph.api.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which documents {@link AuditAnswers} may answer, and how it keeps and bounds their answers. */
class AuditAnswersTest {
    private static final AuditAnswers ON = new AuditAnswers(1 << 20);

    @Test
    void auditOnlyQueriesAreAnswerable() {
        assertTrue(ON.answerable("{ shadowedRules { nsg rule } }", null));
        assertTrue(
                ON.answerable("query Grid { environmentsHealth { environment healthy } exposures { target } }", null));
        assertTrue(ON.answerable("{ whoCanReach(to: \"db-vm-nic\", port: 1433) { caller verdict } __typename }", null));
    }

    @Test
    void listingsPathQuestionsMutationsAndSubscriptionsAreNot() {
        assertFalse(ON.answerable("{ environments { name } }", null));
        assertFalse(ON.answerable(
                "{ shadowedRules { rule } flow(from: \"app1\", to: \"orders-api\", port: 443) { verdict } }", null));
        assertFalse(ON.answerable("mutation { deleteResource(id: \"x\") }", null));
        assertFalse(ON.answerable("subscription { estateChanged { version } }", null));
        assertFalse(ON.answerable("{ __schema { types { name } } }", null));
    }

    @Test
    void rootFragmentsDirectivesAndUnparseableDocumentsAreNot() {
        assertFalse(ON.answerable("{ ...F } fragment F on Query { shadowedRules { rule } }", null));
        assertFalse(ON.answerable("query($x: Boolean!) { shadowedRules @include(if: $x) { rule } }", null));
        assertFalse(ON.answerable("{ shadowedRules { rule }", null));
    }

    @Test
    void theOperationNamePicksAmongSeveral() {
        String two = "query A { shadowedRules { rule } } query B { environments { name } }";
        assertTrue(ON.answerable(two, "A"));
        assertFalse(ON.answerable(two, "B"));
        assertFalse(ON.answerable(two, null));
        assertFalse(ON.answerable(two, "C"));
    }

    @Test
    void anAnswerIsServedOnlyForTheVersionItWasComputedOver() {
        AuditAnswers a = new AuditAnswers(1 << 20);
        a.put("k", new AuditAnswers.Answer(7, "application/json", new byte[] {1, 2}));
        assertArrayEquals(new byte[] {1, 2}, a.get("k", 7).orElseThrow().body());
        assertTrue(a.get("k", 8).isEmpty());
        assertTrue(a.get("other", 7).isEmpty());
        assertEquals(1, a.hits());
    }

    @Test
    void answersOfAnotherVersionLeaveWhenANewOneIsKept() {
        AuditAnswers a = new AuditAnswers(1 << 20);
        a.put("old", new AuditAnswers.Answer(7, "t", new byte[10]));
        a.put("new", new AuditAnswers.Answer(8, "t", new byte[10]));
        assertEquals(1, a.size());
        assertTrue(a.get("new", 8).isPresent());
    }

    @Test
    void theBoundDropsTheOldestAndNeverKeepsAnAnswerLargerThanItself() {
        AuditAnswers a = new AuditAnswers(100);
        a.put("a", new AuditAnswers.Answer(1, "t", new byte[40]));
        a.put("b", new AuditAnswers.Answer(1, "t", new byte[40]));
        a.put("c", new AuditAnswers.Answer(1, "t", new byte[40]));
        assertTrue(a.get("a", 1).isEmpty());
        assertTrue(a.get("b", 1).isPresent());
        assertTrue(a.get("c", 1).isPresent());
        a.put("huge", new AuditAnswers.Answer(1, "t", new byte[101]));
        assertTrue(a.get("huge", 1).isEmpty());
        assertEquals(2, a.size());
    }

    @Test
    void zeroMegabytesTurnsItOff() {
        assertFalse(new AuditAnswers(0).enabled());
        assertTrue(ON.enabled());
    }

    @Test
    void onlyTheAcceptHeadersSmallRyeAnswersTheSameWayAreHandled() {
        assertEquals("application/graphql-response+json; charset=UTF-8", AuditAnswerRoute.contentType(null));
        assertEquals("application/graphql-response+json; charset=UTF-8", AuditAnswerRoute.contentType("*/*"));
        assertEquals("application/json", AuditAnswerRoute.contentType("application/json"));
        assertEquals(null, AuditAnswerRoute.contentType("text/html, application/json;q=0.9"));
    }
}
