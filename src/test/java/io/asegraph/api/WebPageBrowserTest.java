package io.asegraph.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page at {@code /} and {@code /path} in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromedriver}; skipped, saying so, where they are not installed — {@code .ci/run} installs them): what a
 * person sees, read from the page's text, never from the GraphQL answer. The browser signs in once with HTTP basic auth
 * (credentials in one URL, which Chrome then keeps for the origin), so the page's own {@code fetch('/graphql')} calls
 * carry the user's credentials as they do for a person. Screenshots go to {@code target/screenshots/}. Its own service
 * and store: one test narrows a rule of the reference topology.
 */
@QuarkusTest
@TestProfile(WebPageBrowserTest.Profile.class)
class WebPageBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String DB_NSG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers"
            + "/Microsoft.Network/networkSecurityGroups/db-nsg";
    static final String NARROWED = "10.0.1.0/27";

    /** A service of its own on a fresh store seeded with the reference topology (one test writes to it). */
    public static class Profile implements QuarkusTestProfile {
        private static final String DATA = "target/test-data/web-page-" + UUID.randomUUID();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("asegraph.store.data-directory", DATA);
        }
    }

    static WebDriver browser;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed (apt-get install chromium chromium-driver; .ci/run installs them): the"
                        + " browser test is skipped");
        // Selenium Manager never runs: the driver and the browser are given, nothing is downloaded.
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1400,1900",
                "--user-data-dir="
                        + Files.createTempDirectory("asegraph-chromium").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Basic auth once for the origin: Chrome keeps the credentials and sends them on later requests there. */
    @BeforeEach
    void signIn() {
        browser.get("http://" + Gql.USER + ":" + Gql.PASSWORD + "@" + root.getHost() + ":" + root.getPort()
                + "/asegraph.css");
    }

    @Test
    void thePagesAndTheirScriptsAreServedToReadersOnly() {
        for (String path :
                List.of("/", "/path", "/path.html", "/overview.js", "/webjars/cytoscape/dist/cytoscape.min.js")) {
            io.restassured.RestAssured.given().get(path).then().statusCode(401);
            Gql.as(Gql.NOBODY, Gql.NOBODY_PASSWORD).get(path).then().statusCode(403);
            Gql.as(Gql.READER, Gql.READER_PASSWORD).get(path).then().statusCode(200);
        }
        Gql.as(Gql.READER, Gql.READER_PASSWORD)
                .get("/path?from=app1&to=orders-api&port=443")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<script src=\"/path.js\""));
    }

    @Test
    void theOverviewListsEveryAseWithItsHealthAndDrawsTheChosenVnet() throws IOException {
        List<String> ases = Gql.post("{ environments(sort: [{field: NAME}]) { name } }")
                .extract()
                .jsonPath()
                .getList("data.environments.name");
        assertEquals(List.of("ase-one", "ase-two"), ases);
        open("/");
        waitFor(() -> text("environments").contains("ase-two") && nodeCount() > 0);

        String table = text("environments");
        for (String ase : ases) {
            assertTrue(table.contains(ase), () -> ase + " is not in the ASE table: " + table);
        }
        assertTrue(table.contains("192.23.1.2") && table.contains("192.23.2.4"), table);
        assertTrue(table.contains("PASS"), table);
        waitFor(() -> text("counts").contains("ASEs"));
        assertTrue(text("counts").contains(ases.size() + " ASEs"), text("counts"));
        waitFor(() ->
                !text("shadowed").startsWith("Loading") && !text("exposures").startsWith("Loading"));
        assertTrue(text("shadowed").contains("No NSG has a shadowed rule."), text("shadowed"));
        assertTrue(text("exposures").contains("Nothing exposed on the default ports."), text("exposures"));

        // The picture: ase-vnet's neighbourhood, drawn on the canvas.
        List<String> labels = nodeNames();
        for (String name : List.of(
                "ase-vnet",
                "ase-one-subnet",
                "ase-one",
                "ase-two",
                "app1",
                "orders-api",
                "db-vm-nic",
                "ase-vnet-gw",
                "onprem-site")) {
            assertTrue(labels.contains(name), () -> name + " is not drawn: " + labels);
        }
        assertTrue(paintedPixels() > 1000, "the topology canvas is blank");
        screenshot("overview.png");
    }

    @Test
    void searchingSelectsTheResourceAndTheAddressIsALinkToTheSameView() throws IOException {
        open("/");
        waitFor(() -> nodeCount() > 0);
        browser.findElement(By.id("search")).sendKeys("db-vm-nic", Keys.ENTER);
        waitFor(() -> text("details").contains("db-vm-nic"));
        assertTrue(text("details").contains("10.0.2.4"), text("details"));
        assertTrue(text("details").contains("db-nsg"), text("details"));
        String shared = browser.getCurrentUrl();
        assertTrue(shared.contains("select="), shared);

        browser.get("about:blank");
        browser.get(shared);
        waitFor(() -> text("details").contains("db-vm-nic"));
        assertTrue(text("details").contains("10.0.2.4"), text("details"));
        assertEquals(List.of("db-vm-nic"), selectedNames());
        screenshot("topology-selected.png");
    }

    @Test
    void thePathViewShowsTheVipTheVerdictAndTheNsgThatDecided() throws IOException {
        open("/path?from=app1&to=orders-api&port=443&protocol=TCP");
        waitFor(() -> "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-loaded")));

        assertEquals("ALLOWED", browser.findElement(By.cssSelector(".verdict")).getText());
        assertEquals("PUBLIC_VIP 192.23.1.2", text("source"));
        String walk = text("walk");
        assertTrue(walk.contains("SOURCE_NAT") && walk.contains("192.23.1.2"), walk);
        assertTrue(walk.contains("app1") && walk.contains("orders-api"), walk);
        String decisions = text("decisions");
        assertTrue(decisions.contains("ase-two-nsg") && decisions.contains("RESTRICT-HTTPS"), decisions);
        assertEquals("app1", browser.findElement(By.id("from")).getAttribute("value"));
        screenshot("path-allowed.png");
    }

    @Test
    void afterNarrowingTheDbRuleThePathViewShowsPartialWithBothSubRangesAndTheRules() throws IOException {
        // The view is open before the write: it refreshes itself on the estateChanged event, no reload.
        open("/path?from=app1&to=db-vm-nic&port=1433");
        waitFor(() -> "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-loaded"))
                && "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-live")));
        assertEquals("ALLOWED", browser.findElement(By.cssSelector(".verdict")).getText());
        Gql.post(
                        """
                        mutation($nsg: String!, $prefix: String!) { putSecurityRule(nsg: $nsg, rule: {
                          name: "allow-sql-from-ase-one", priority: 100, direction: INBOUND, access: ALLOW, protocol: TCP,
                          sourceAddressPrefixes: [$prefix], sourcePortRanges: ["*"], destinationAddressPrefixes: ["*"],
                          destinationPortRanges: ["1433"]}) { name } }""",
                        "nsg",
                        DB_NSG,
                        "prefix",
                        NARROWED)
                .body("errors", nullValue())
                .body("data.putSecurityRule.name", equalTo("db-nsg"));
        String subnet = Gql.post("{ subnets(where: {name: {eq: \"ase-one-subnet\"}}) { addressPrefix } }")
                .body("data.subnets[0].addressPrefix", containsString("/"))
                .extract()
                .path("data.subnets[0].addressPrefix");
        IPAddress rule = new IPAddressString(NARROWED).getAddress();
        String denied = Arrays.stream(new IPAddressString(subnet).getAddress().subtract(rule))
                .flatMap(a -> Arrays.stream(a.spanWithPrefixBlocks()))
                .map(IPAddress::toPrefixLengthString)
                .collect(Collectors.joining(", "));

        waitFor(() ->
                "PARTIAL".equals(browser.findElement(By.cssSelector(".verdict")).getText()));
        assertTrue(text("live").contains("putSecurityRule allow-sql-from-ase-one"), text("live"));
        assertEquals(rule.toPrefixLengthString(), text("allowed"));
        assertEquals(denied, text("denied"));
        String decisions = text("decisions");
        assertTrue(decisions.contains("allow-sql-from-ase-one (100, ALLOW): " + NARROWED), decisions);
        assertTrue(decisions.contains("deny-sql-from-vnet (200, DENY): " + denied), decisions);
        String fix = text("fix");
        assertTrue(fix.contains("db-nsg") && fix.contains(subnet), fix);
        screenshot("path.png");
    }

    @Test
    void whatChangedListsTheWriteMadeAndItsDiffOnSelectingIt() throws IOException {
        // The page is open before the writes: the list refreshes itself on the estateChanged event.
        open("/");
        waitFor(() -> "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-live"))
                && !text("versions").startsWith("Loading"));
        String asg = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ase-rg/providers"
                + "/Microsoft.Network/applicationSecurityGroups/h15d-web-asg";
        importAsg(asg, "westeurope", "created");
        importAsg(asg, "northeurope", "updated");
        int version =
                Gql.post("{ estateVersions(limit: 1) { version } }").extract().path("data.estateVersions[0].version");

        waitFor(() -> text("versions").contains("v" + version));
        String versions = text("versions");
        String row = versions.lines()
                .filter(l -> l.startsWith("v" + version + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for v" + version + ": " + versions));
        // version, when, who, what, created, updated, unchanged, removed
        assertTrue(row.contains(" tester importResources 0 1 0 0"), row);
        assertTrue(versions.contains("v" + (version - 1) + " "), versions);

        browser.findElement(By.cssSelector("button.version-link[data-version='" + version + "']"))
                .click();
        waitFor(() -> text("version-diff").contains("Version " + version));
        String diff = text("version-diff");
        assertTrue(diff.contains("Version " + version + ": importResources by tester"), diff);
        assertTrue(diff.contains("h15d-web-asg") && diff.contains("UPDATED"), diff);
        assertTrue(diff.contains("location westeurope → northeurope"), diff);
        screenshot("what-changed.png");
    }

    /** Imports the ASG {@code id} in {@code location}: one resource {@code counted} (created, updated). */
    private static void importAsg(String id, String location, String counted) {
        String json = "{\"id\": \"" + id + "\", \"name\": \"h15d-web-asg\", \"type\":"
                + " \"Microsoft.Network/applicationSecurityGroups\", \"location\": \"" + location + "\","
                + " \"properties\": {}}";
        Gql.post("mutation($d: String!) { importResources(document: $d) { created updated } }", "d", json)
                .body("errors", nullValue())
                .body("data.importResources." + counted, equalTo(1));
    }

    private void open(String path) {
        browser.get("http://" + root.getHost() + ":" + root.getPort() + path);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT)
                .ignoring(org.openqa.selenium.NoSuchElementException.class)
                .until(b -> condition.getAsBoolean());
    }

    private Object script(String js) {
        return ((JavascriptExecutor) browser).executeScript(js);
    }

    private long nodeCount() {
        Object n = script("return window.asegraphTopology ? window.asegraphTopology.nodes().length : 0");
        return ((Number) n).longValue();
    }

    @SuppressWarnings("unchecked")
    private List<String> nodeNames() {
        return (List<String>) script("return window.asegraphTopology.nodes().map(n => n.data('info').name)");
    }

    @SuppressWarnings("unchecked")
    private List<String> selectedNames() {
        return (List<String>) script("return window.asegraphTopology.nodes(':selected').map(n => n.data('info').name)");
    }

    /** Pixels drawn (not transparent) on the picture's canvases. */
    private long paintedPixels() {
        Object n = script(
                """
                let painted = 0;
                for (const c of document.querySelectorAll('#cy canvas')) {
                  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) painted++;
                }
                return painted;""");
        return ((Number) n).longValue();
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
