package io.asegraph.analysis.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AseKind;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The ports an ASE's public VIP publishes, per version and load-balancing mode, as the ASE networking pages list them
 * (v1: debugging 4016-4024 and no Web Deploy; v2: Web Deploy 8172; v3: no management ports, debugging up to 4026); an
 * internal ASE keeps only management on its VIP (none on v3), and only TCP is published.
 */
class AseFrontEndTest {
    private static AppServiceEnvironment ase(AseKind kind, String loadBalancing) {
        return new AppServiceEnvironment(
                ResourceId.of(
                        "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Web/hostingEnvironments/fe-" + kind),
                "fe-" + kind,
                "westus",
                kind,
                loadBalancing,
                ResourceId.of("/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v"
                        + "/subnets/s"),
                Optional.of(1L),
                List.of(),
                Optional.empty(),
                List.of(),
                List.of());
    }

    private static boolean tcp(AseKind kind, String loadBalancing, int port) {
        return AseFrontEnd.publishes(AseFrontEnd.published(ase(kind, loadBalancing)), port, Protocol.TCP);
    }

    @Test
    void anExternalV1PublishesManagementWebFtpAndTheOldDebuggerPortsButNotWebDeploy() {
        for (int port : new int[] {21, 80, 443, 454, 455, 990, 4016, 4018, 4020, 4022, 4024, 10001, 10020}) {
            assertTrue(tcp(AseKind.ASEV1, "None", port), "v1 publishes " + port);
        }
        for (int port : new int[] {22, 453, 456, 4026, 8172, 10000, 10021}) {
            assertFalse(tcp(AseKind.ASEV1, "None", port), "v1 does not publish " + port);
        }
    }

    @Test
    void anExternalV2AddsWebDeployAndDropsTheV1OnlyDebuggerPorts() {
        for (int port : new int[] {21, 80, 443, 454, 455, 990, 4020, 4022, 4024, 8172, 10001, 10020}) {
            assertTrue(tcp(AseKind.ASEV2, "None", port), "v2 publishes " + port);
        }
        for (int port : new int[] {4016, 4018, 4026, 10021}) {
            assertFalse(tcp(AseKind.ASEV2, "None", port), "v2 does not publish " + port);
        }
    }

    @Test
    void anExternalV3HasNoManagementPortsButTheNewestDebuggerPort() {
        for (int port : new int[] {21, 80, 443, 990, 4022, 4024, 4026, 8172, 10001, 10020}) {
            assertTrue(tcp(AseKind.ASEV3, "None", port), "v3 publishes " + port);
        }
        for (int port : new int[] {454, 455, 4016, 4020}) {
            assertFalse(tcp(AseKind.ASEV3, "None", port), "v3 does not publish " + port);
        }
    }

    @Test
    void anInternalAseKeepsOnlyManagementOnItsVipAndAnInternalV3Nothing() {
        assertEquals(List.of(PortRange.parse("454-455")), AseFrontEnd.published(ase(AseKind.ASEV1, "Web, Publishing")));
        assertEquals(List.of(PortRange.parse("454-455")), AseFrontEnd.published(ase(AseKind.ASEV2, "Web")));
        assertEquals(List.of(), AseFrontEnd.published(ase(AseKind.ASEV3, "Web, Publishing")));
        assertFalse(tcp(AseKind.ASEV1, "Web, Publishing", 443));
    }

    @Test
    void onlyTcpOrAnyProtocolIsPublished() {
        List<PortRange> v1 = AseFrontEnd.published(ase(AseKind.ASEV1, "None"));
        assertTrue(AseFrontEnd.publishes(v1, 443, Protocol.ANY));
        assertFalse(AseFrontEnd.publishes(v1, 443, Protocol.UDP));
        assertFalse(AseFrontEnd.publishes(v1, 443, Protocol.ICMP));
    }
}
