package io.asegraph.analysis.audit;

import io.asegraph.analysis.Hop;
import io.asegraph.net.AddressSet;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Verdict;
import io.asegraph.topology.ResourceId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A network interface or ASE that Internet sources can reach on a port, as found by {@link ExposureAudit}.
 *
 * @param target              the network interface or ASE
 * @param targetKind          {@code NetworkInterface} or {@code AppServiceEnvironment}; for a DNAT row also
 *                            {@code PrivateEndpoint}, {@code Subnet}, or {@code AzureFirewall} (UNDETERMINED target)
 * @param targetName          its name
 * @param publicAddress       the public address it is reached at (the NIC's public IP, the ASE's VIP); empty for a
 *                            public IP resource with no allocated address
 * @param port                the destination port
 * @param protocol            the protocol
 * @param verdict             ALLOWED (every Internet address is admitted), PARTIAL (some are, see
 *                            {@code exposedSources}) or UNDETERMINED (some may be, depending on an unresolved tag or
 *                            ASG or a missing NSG, see {@code causes}); never DENIED: a denied port is no exposure
 * @param exposedSources      the Internet addresses admitted for certain
 * @param undeterminedSources the Internet addresses that may be admitted
 * @param admittedBy          the rules that admit them, {@code NSG-NAME securityRules/NAME}, subnet NSG first; empty
 *                            where no NSG filters at all
 * @param causes              what could not be resolved
 * @param warnings            e.g. no NSG at either level, or replies routed elsewhere than the Internet
 * @param path                the way in: Internet, the public address, each NSG with what it admitted, delivery
 * @param dnat                the Azure Firewall DNAT rule that publishes the target, for a row found through one
 */
public record Exposure(
        ResourceId target,
        String targetKind,
        String targetName,
        Optional<Long> publicAddress,
        int port,
        Protocol protocol,
        Verdict verdict,
        AddressSet exposedSources,
        AddressSet undeterminedSources,
        List<String> admittedBy,
        List<String> causes,
        List<String> warnings,
        List<Hop> path,
        Optional<DnatPublication> dnat) {
    public Exposure {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(targetKind, "targetKind");
        Objects.requireNonNull(targetName, "targetName");
        Objects.requireNonNull(publicAddress, "publicAddress");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(exposedSources, "exposedSources");
        Objects.requireNonNull(undeterminedSources, "undeterminedSources");
        admittedBy = List.copyOf(admittedBy);
        causes = List.copyOf(causes);
        warnings = List.copyOf(warnings);
        path = List.copyOf(path);
        Objects.requireNonNull(dnat, "dnat");
        if (verdict == Verdict.DENIED || verdict == Verdict.UNREACHABLE) {
            throw new IllegalArgumentException("an exposure is ALLOWED, PARTIAL or UNDETERMINED, not " + verdict);
        }
    }
}
