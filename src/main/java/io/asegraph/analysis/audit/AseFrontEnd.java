package io.asegraph.analysis.audit;

import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.AseKind;
import java.util.Arrays;
import java.util.List;

/**
 * The TCP ports an ASE's public VIP publishes, per ASE kind: what its front ends forward to the workers. A port the
 * front end never forwards is not exposed, whatever the NSGs admit ({@link ExposureAudit}). All are TCP.
 *
 * <ul>
 * <li><b>v1</b> (<a href="https://learn.microsoft.com/azure/app-service/environment/app-service-app-service-environment-control-inbound-traffic">
 * control inbound traffic</a>): management 454-455; HTTP/HTTPS 80, 443; FTP 21, FTPS 990, FTP data 10001-10020;
 * Visual Studio remote debugging 4016, 4018, 4020 as documented, and 4022, 4024 opened later (MicrosoftDocs
 * azure-docs issue 18379: "ports 4020 (VS 2015 debugger), 4022 (VS 2017 debugger) and 4024 (VS 2019 debugger)
 * open"), all kept so that none is under-reported.</li>
 * <li><b>v2</b> (<a href="https://learn.microsoft.com/azure/app-service/environment/network-info">networking
 * considerations</a>): management 454-455; HTTP/HTTPS 80, 443; FTP/FTPS 21, 990, 10001-10020; remote debugging
 * 4020, 4022, 4024; Web Deploy 8172.</li>
 * <li><b>v3</b> (<a href="https://learn.microsoft.com/azure/app-service/environment/networking">networking</a>): no
 * management ports; HTTP/HTTPS 80, 443; FTP/FTPS 21, 990, 10001-10020; remote debugging 4022, 4024, 4026; Web Deploy
 * 8172.</li>
 * </ul>
 * An internal (ILB) ASE publishes its apps on the ILB address, not on the public VIP: its VIP keeps only the
 * management ports (v1, v2; none on v3). Not modelled: a v3's {@code ftpEnabled} and {@code remoteDebugEnabled}
 * switches (the ports are counted as published), IP-SSL port pairs.
 */
final class AseFrontEnd {
    private static final List<PortRange> MANAGEMENT = ports("454-455");
    private static final List<PortRange> V1 =
            ports("21", "80", "443", "454-455", "990", "4016", "4018", "4020", "4022", "4024", "10001-10020");
    private static final List<PortRange> V2 =
            ports("21", "80", "443", "454-455", "990", "4020", "4022", "4024", "8172", "10001-10020");
    private static final List<PortRange> V3 =
            ports("21", "80", "443", "990", "4022", "4024", "4026", "8172", "10001-10020");

    private AseFrontEnd() {}

    private static List<PortRange> ports(String... ranges) {
        return Arrays.stream(ranges).map(PortRange::parse).toList();
    }

    /** The TCP ports {@code ase}'s public VIP publishes. */
    static List<PortRange> published(AppServiceEnvironment ase) {
        if (ase.isInternal()) {
            return ase.kind() == AseKind.ASEV3 ? List.of() : MANAGEMENT;
        }
        return switch (ase.kind()) {
            case ASEV1 -> V1;
            case ASEV2 -> V2;
            case ASEV3 -> V3;
        };
    }

    /** True when the VIP publishes {@code port} over {@code protocol} (TCP, or any protocol, which includes TCP). */
    static boolean publishes(List<PortRange> published, int port, Protocol protocol) {
        if (protocol != Protocol.TCP && protocol != Protocol.ANY) {
            return false;
        }
        return published.stream().anyMatch(r -> r.contains(port));
    }
}
