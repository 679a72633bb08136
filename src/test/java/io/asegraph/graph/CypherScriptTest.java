package io.asegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CypherScriptTest {
    @Test
    void splitsOnSemicolonsOutsideStringsAndDropsComments() {
        List<String> s = CypherScript.statements(
                """
                // a comment; with a semicolon
                CREATE (:A {t: 'x;y'});
                CREATE (:B {t: "a;b"}) ;
                ;
                MATCH (n) RETURN n""");
        assertEquals(3, s.size());
        assertEquals("CREATE (:A {t: 'x;y'})", s.get(0));
        assertEquals("CREATE (:B {t: \"a;b\"})", s.get(1));
    }

    @Test
    void recognisesSchemaCommands() {
        assertTrue(CypherScript.isSchema("CREATE CONSTRAINT x IF NOT EXISTS FOR (n:A) REQUIRE n.key IS UNIQUE"));
        assertTrue(CypherScript.isSchema("create   index y for (n:A) on (n.b)"));
        assertFalse(CypherScript.isSchema("CREATE (n:Index)"));
    }
}
