package io.asegraph.importing;

import static io.asegraph.importing.Docs.assertProblem;
import static io.asegraph.importing.Docs.onlyProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.asegraph.policy.PolicySet;
import io.asegraph.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A VNet in a document lists its subnets completely, so a subnet the graph has and the document no longer lists
 * would be removed by the import: refused while something still lives in it or the document still points at it.
 * The graph here is the reference topology.
 */
class SubnetRemovalTest {
    static KnownResources graph() {
        ParsedDocument d = ImportParser.parse(Docs.text(Docs.reference()));
        return KnownResources.of(Topology.of(d.resources()), PolicySet.of(d.resources()));
    }

    /** The reference VNet alone, without the subnet at {@code index} (0 ase-one, 1 ase-two, 2 db, 3 GatewaySubnet). */
    static JsonNode vnetWithout(int index) {
        JsonNode vnet = Docs.reference().get(0);
        ((ArrayNode) vnet.at("/properties/subnets")).remove(index);
        return vnet;
    }

    @Test
    void removingASubnetThatHoldsANetworkInterfaceIsAProblemAtTheSubnetList() {
        ImportProblem p = onlyProblem(Docs.parse(vnetWithout(2), graph()));
        assertProblem(p, "$.properties.subnets", "no longer list subnet 'db-subnet'", "network interface 'db-vm-nic'");
        assertEquals(Docs.VNET + "/subnets/db-subnet", p.value());
    }

    @Test
    void removingASubnetThatHoldsAnAseIsAProblemNamingTheAse() {
        assertProblem(
                onlyProblem(Docs.parse(vnetWithout(0), graph())),
                "$.properties.subnets",
                "ase-one-subnet",
                "App Service Environment 'ase-one'");
    }

    @Test
    void removingAnEmptySubnetIsFine() {
        assertEquals(List.of(), Docs.parse(vnetWithout(3), graph()).problems());
    }

    @Test
    void aReferenceInTheDocumentToTheRemovedSubnetIsAProblemAtTheReference() {
        ArrayNode doc = Docs.reference();
        ((ArrayNode) doc.at("/0/properties/subnets")).remove(3);
        assertProblem(
                onlyProblem(Docs.parse(doc, graph())),
                "$[5].properties.ipConfigurations[0].properties.subnet.id",
                "names subnet 'GatewaySubnet', which this import removes");
    }

    @Test
    void aNetworkInterfaceMovedOutByTheSameDocumentLetsTheSubnetGo() {
        ArrayNode doc = Docs.reference();
        ((ArrayNode) doc.at("/0/properties/subnets")).remove(2);
        Docs.edit(
                doc,
                "/4/properties/ipConfigurations/0/properties/subnet/id=\"" + Docs.VNET + "/subnets/ase-two-subnet\""
                        + " && /4/properties/ipConfigurations/0/properties/privateIPAddress=\"10.0.1.70\"");
        assertEquals(List.of(), Docs.parse(doc, graph()).problems());
    }

    @Test
    void withoutGraphDataTheCheckIsSkipped() {
        KnownResources kindsOnly = graph()::kindOf;
        assertEquals(List.of(), Docs.parse(vnetWithout(2), kindsOnly).problems());
    }
}
