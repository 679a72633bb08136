package io.asegraph.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.net.PortRange;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How one rule compiles to its certain and possible boxes. */
class CompiledRuleTest {
    private static final PrefixResolver RESOLVER = new PrefixResolver(PolicySet.empty(), Rules.vnet("10.0.0.0/16"));

    private static SecurityRule rule(List<PortRange> sourcePorts, List<PortRange> destinationPorts) {
        return Rules.tcpIn(sourcePorts, destinationPorts, "");
    }

    @Test
    void aFullyResolvedRuleIsResolvedAndItsPossibleBoxIsItsCertainBox() {
        CompiledRule c = CompiledRule.compile(rule(List.of(PortRange.ALL), List.of(PortRange.parse("22"))), RESOLVER);
        assertTrue(c.resolved());
        assertEquals(List.of(), c.causes());
        assertEquals(c.definite(), c.possible());
        assertEquals(AddressSet.parse("10.1.0.0/16"), c.definite().src());
        assertEquals(PortSet.single(22), c.definite().dstPorts());
        assertEquals(Box.mask(Protocol.TCP), c.definite().protocols());
    }

    @Test
    void aRuleWithoutSourcePortsIsUnresolvedMatchesNothingForCertainAndPossiblyEveryPort() {
        CompiledRule c = CompiledRule.compile(rule(List.of(), List.of(PortRange.parse("22"))), RESOLVER);
        assertFalse(c.resolved());
        assertEquals(List.of("the rule has no source port range"), c.causes());
        assertTrue(c.definite().isEmpty());
        assertEquals(PortSet.ALL, c.possible().srcPorts());
        assertEquals(PortSet.single(22), c.possible().dstPorts());
        assertTrue(c.cause().startsWith("securityRules/r: "), c.cause());
    }

    @Test
    void aRuleWithoutDestinationPortsIsUnresolvedAndPossiblyEveryDestinationPort() {
        CompiledRule c = CompiledRule.compile(rule(List.of(PortRange.ALL), List.of()), RESOLVER);
        assertFalse(c.resolved());
        assertEquals(List.of("the rule has no destination port range"), c.causes());
        assertTrue(c.definite().isEmpty());
        assertEquals(PortSet.ALL, c.possible().dstPorts());
    }
}
