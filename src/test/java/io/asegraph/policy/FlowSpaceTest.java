package io.asegraph.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.AddressSet;
import io.asegraph.net.PortSet;
import io.asegraph.net.Protocol;
import org.junit.jupiter.api.Test;

/** A flow space has no verdict when any dimension is empty, so each empty dimension is rejected by name. */
class FlowSpaceTest {
    private static final AddressSet SOME = AddressSet.parse("10.0.0.0/24");

    @Test
    void rejectsEmptySourceAddresses() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new FlowSpace(AddressSet.EMPTY, SOME, PortSet.ALL, PortSet.ALL, Protocol.TCP));
        assertTrue(e.getMessage().contains("source addresses"), e.getMessage());
    }

    @Test
    void rejectsEmptyDestinationAddresses() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new FlowSpace(SOME, AddressSet.EMPTY, PortSet.ALL, PortSet.ALL, Protocol.TCP));
        assertTrue(e.getMessage().contains("destination addresses"), e.getMessage());
    }

    @Test
    void rejectsEmptySourcePorts() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new FlowSpace(SOME, SOME, PortSet.EMPTY, PortSet.ALL, Protocol.TCP));
        assertTrue(e.getMessage().contains("source ports"), e.getMessage());
    }

    @Test
    void rejectsEmptyDestinationPorts() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new FlowSpace(SOME, SOME, PortSet.ALL, PortSet.EMPTY, Protocol.TCP));
        assertTrue(e.getMessage().contains("destination ports"), e.getMessage());
    }

    @Test
    void acceptsASpaceWithEveryDimensionNonEmpty() {
        FlowSpace space = new FlowSpace(SOME, SOME, PortSet.ALL, PortSet.single(443), Protocol.ANY);
        assertEquals(SOME, space.sources());
        assertEquals(PortSet.single(443), space.destinationPorts());
    }
}
