package io.asegraph.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asegraph.api.ImportResourceTest.Answer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * ipFlowVerify evaluates the NSGs through the path engine's chain evaluator, so an NSG associated with the interface
 * but not in the snapshot (a placeholder of a partial export) is not skipped as if it allowed everything: the answer
 * is UNDETERMINED, naming the NSG and how to import it; once the NSG is imported its rule decides.
 */
@QuarkusTest
@TestProfile(ImportTestProfile.class)
class IpFlowVerifyMissingNsgTest {
    private static final String PREFIX = "ipfv";
    private static final String NSG =
            PartialExportTest.NSG.replace("partial-", PREFIX + "-").replace("lone-", PREFIX + "-lone-");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/import")
    URL importUrl;

    private void importShape(String shape) throws Exception {
        String doc = PartialExportTest.renamed(ExportShapesTest.shape(shape), PREFIX);
        Answer a = ImportResourceTest.post(HTTP, importUrl, "", null, doc.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, a.status(), a.body()::toString);
    }

    private static io.restassured.response.ValidatableResponse sshOut() {
        return Gql.post(
                FlowApiTest.VERIFY,
                "t",
                PREFIX + "-lone-nic",
                "d",
                "OUTBOUND",
                "p",
                "TCP",
                "la",
                "10.81.1.4",
                "lp",
                50000,
                "ra",
                "10.81.1.20",
                "rp",
                22);
    }

    @Test
    void anNsgMissingFromTheSnapshotMakesTheAnswerUndeterminedUntilItIsImported() throws Exception {
        importShape("partial-nic-only.json");
        importShape("partial-vnet.json");
        sshOut().body("errors[0].extensions.code", equalTo("UNDETERMINED"))
                .body("errors[0].message", containsString("NSG " + PREFIX + "-lone-nic-nsg (" + NSG + ")"))
                .body("errors[0].message", containsString("is not in the snapshot"))
                .body("errors[0].message", containsString("az network nsg show --ids " + NSG))
                .body("data", nullValue());

        importShape("partial-nsg.json");
        sshOut().body("errors", nullValue())
                .body("data.ipFlowVerify.access", equalTo("DENY"))
                .body("data.ipFlowVerify.ruleName", equalTo("securityRules/deny-ssh-out"))
                .body("data.ipFlowVerify.nsg", endsWith("/networkSecurityGroups/" + PREFIX + "-lone-nic-nsg"));
    }
}
