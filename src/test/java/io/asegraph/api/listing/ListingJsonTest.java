package io.asegraph.api.listing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/**
 * The two JSON checks that keep the direct writer to what SmallRye's strict JSON-P would do: which request bodies it
 * may take (one strict JSON object), and which strings it may write with Jackson (those both write with the same
 * bytes).
 */
class ListingJsonTest {
    @Test
    void onlyOneStrictJsonObjectIsTaken() {
        assertNotNull(ListingRoute.strict(Buffer.buffer("{\"query\":\"{ subnets { name } }\",\"variables\":{}}")));
        assertNull(ListingRoute.strict(Buffer.buffer("{\"query\":\"{ subnets { name } }\" /* a comment */}")));
        assertNull(ListingRoute.strict(Buffer.buffer("\uFEFF{\"query\":\"{ subnets { name } }\"}")));
        assertNull(ListingRoute.strict(Buffer.buffer("{\"query\":\"a\",\"query\":\"b\"}")), "duplicate key");
        assertNull(ListingRoute.strict(Buffer.buffer("{\"query\":\"a\"} {}")), "two values");
        assertNull(ListingRoute.strict(Buffer.buffer("{\"query\":\"a\"")), "unterminated");
        assertNull(ListingRoute.strict(Buffer.buffer("")));
        assertNull(ListingRoute.strict(null));
    }

    @Test
    void stringsWithSurrogatesOrHexEscapedControlCharactersAreLeftToSmallRye() {
        assertTrue(ListingWriter.sameEscapes("allow-https from 10.0.0.0/8 \"quoted\" \\ é ü ß 中"));
        assertTrue(ListingWriter.sameEscapes("tab\tnewline\nreturn\rfeed\fback\b"));
        assertFalse(ListingWriter.sameEscapes("rocket \uD83D\uDE80"));
        assertFalse(ListingWriter.sameEscapes("lone \uD83D"));
        assertFalse(ListingWriter.sameEscapes("escape \u001B"));
        assertFalse(ListingWriter.sameEscapes("vertical tab \u000B"));
    }
}
