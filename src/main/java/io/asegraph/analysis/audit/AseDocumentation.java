package io.asegraph.analysis.audit;

/**
 * The Azure documentation pages the health requirements come from, one per page (cited by each row of
 * {@link HealthRequirements}).
 */
enum AseDocumentation {
    /** ASE v1: controlling inbound traffic (management on TCP 454-455 from the Internet). */
    V1_INBOUND_TRAFFIC(
            "ASE v1: control inbound traffic",
            "https://learn.microsoft.com/azure/app-service/environment/"
                    + "app-service-app-service-environment-control-inbound-traffic"),
    /** ASE v1: the required network connectivity (outbound dependencies, routing, the subnet). */
    V1_NETWORK_CONNECTIVITY(
            "ASE v1: required network connectivity",
            "https://learn.microsoft.com/azure/app-service/"
                    + "environment/app-service-app-service-environment-network-configuration-expressroute"),
    /** ASE v2: networking considerations. */
    V2_NETWORK_INFO(
            "ASE v2: networking considerations",
            "https://learn.microsoft.com/azure/app-service/environment/network-info"),
    /** ASE v3: networking. */
    V3_NETWORKING("ASE v3: networking", "https://learn.microsoft.com/azure/app-service/environment/networking");

    private final String title;
    private final String url;

    AseDocumentation(String title, String url) {
        this.title = title;
        this.url = url;
    }

    String title() {
        return title;
    }

    String url() {
        return url;
    }
}
