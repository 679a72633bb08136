package io.asegraph.api.path;

import io.asegraph.analysis.AnalysisContext;
import io.asegraph.analysis.FlowResult;
import io.asegraph.analysis.IpFlowVerifier;
import io.asegraph.analysis.Reference;
import io.asegraph.api.Errors;
import io.asegraph.api.InvalidArgumentException;
import io.asegraph.api.UndeterminedException;
import io.asegraph.api.security.CodedRefusals;
import io.asegraph.api.security.Roles;
import io.asegraph.net.InvalidAddressException;
import io.asegraph.net.Ipv4;
import io.asegraph.net.Port;
import io.asegraph.policy.EffectiveSecurityRules;
import io.asegraph.policy.IpFlowResult;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.policy.PrefixResolver;
import io.asegraph.service.Engines;
import io.asegraph.topology.EffectiveRoutes;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Resource;
import io.asegraph.topology.Subnet;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The path engine's questions: where a call appears from, where a packet goes first, and whether NSGs let it through. */
@GraphQLApi
@RolesAllowed({Roles.READER, Roles.WRITER})
@CodedRefusals
public class PathQueries {
    private final Engines engines;

    public PathQueries(Engines engines) {
        this.engines = engines;
    }

    @Query("callSource")
    @Description("Which address a call from `from` (an app, an ASE or a network interface) appears from at `to`.")
    public @NonNull CallSource callSource(
            @NonNull
                    @Description(
                            "An app, ASE or network interface: id, host name, unique name, or an address in a subnet")
                    String from,
            @NonNull @Description("An app, ASE, network interface, endpoint, host name or IPv4 address") String to) {
        return Errors.guard(() -> {
            AnalysisContext c = engines.current().context();
            Reference caller = c.resolver().resolveCaller(from);
            Reference target = c.resolver().resolveDestination(to);
            return PathMapping.callSource(c.walker().callSource(caller, target));
        });
    }

    @Query("flow")
    @Description(
            "The whole walk of one call: route, source NAT, every NSG on the way, and the verdict over every source address.")
    public @NonNull FlowAnalysis flow(
            @NonNull @Description("An app, ASE or network interface") String from,
            @NonNull @Description("An app, ASE, network interface, endpoint, host name or IPv4 address") String to,
            @NonNull @Description("The destination port, 0-65535") Integer port,
            @DefaultValue("TCP") @Description("The protocol (default TCP)") Protocol protocol) {
        return Errors.guard(() -> {
            checkPort("port", port);
            FlowResult r = engines.current().flows().analyze(from, to, port, protocol(protocol));
            return PathMapping.flow(r);
        });
    }

    @Query("ipFlowVerify")
    @Description(
            "Network Watcher IP flow verify: one 5-tuple against the NSGs that apply to a network interface or subnet.")
    public @NonNull IpFlowVerifyResult ipFlowVerify(
            @NonNull @Description("A network interface or subnet") String target,
            @Description("INBOUND: remote → local; OUTBOUND: local → remote.") @NonNull Direction direction,
            @Description("The protocol of the 5-tuple.") @NonNull Protocol protocol,
            @NonNull @Description("The address on the target's side (the NIC's private address, or one in the subnet)")
                    String localAddress,
            @Description("The port on the target's side (0–65535).") @NonNull Integer localPort,
            @Description("The other end's IPv4 address.") @NonNull String remoteAddress,
            @Description("The other end's port (0–65535).") @NonNull Integer remotePort) {
        return Errors.guard(() -> {
            checkPort("localPort", localPort);
            checkPort("remotePort", remotePort);
            long local = address("localAddress", localAddress);
            long remote = address("remoteAddress", remoteAddress);
            AnalysisContext c = engines.current().context();
            Target t = target(c, target);
            if (t.nic().isPresent()
                    ? t.nic().get().privateIp() != local
                    : !t.subnet().contains(local)) {
                throw new InvalidArgumentException("localAddress " + localAddress + " is not "
                        + t.nic()
                                .map(n -> n.name() + "'s private address " + Ipv4.format(n.privateIp()))
                                .orElse("inside " + t.subnet().label()));
            }
            io.asegraph.policy.Direction d = io.asegraph.policy.Direction.valueOf(direction.name());
            IpFlowResult r = IpFlowVerifier.verify(
                    c, t.subnet(), t.nic(), d, protocol(protocol), local, localPort, remote, remotePort);
            if (r.access().isEmpty()) {
                throw new UndeterminedException(
                        "cannot decide: " + r.undeterminedCause().orElse("something is unknown")
                                + r.ruleName().map(n -> " (rule " + n + ")").orElse(""));
            }
            return new IpFlowVerifyResult(
                    Access.valueOf(r.access().get().name()),
                    r.ruleName().orElse(""),
                    r.nsg().map(a -> a.nsg().id().value()).orElse(null));
        });
    }

    @Query("nextHop")
    @Description(
            "Network Watcher next hop: where a packet from `source` (a subnet, network interface or ASE) to an address goes first.")
    public @NonNull NextHopResult nextHop(
            @NonNull @Description("A subnet, network interface or ASE") String source,
            @NonNull @Description("An IPv4 address") String destinationAddress) {
        return Errors.guard(
                () -> PathMapping.nextHop(engines.current().context().nextHops().nextHop(source, destinationAddress)));
    }

    @Query("effectiveRoutes")
    @Description(
            "The effective route table of a subnet (or a network interface's or ASE's subnet): every system, gateway"
                    + " and user route with its origin and state.")
    public @NonNull List<@NonNull EffectiveRoute> effectiveRoutes(
            @NonNull @Description("A subnet, network interface or ASE") String target) {
        return Errors.guard(() -> {
            AnalysisContext c = engines.current().context();
            Subnet subnet = c.nextHops().sourceSubnet(c.resolver().resolveLocated(target));
            EffectiveRoutes routes = c.routing().effectiveRoutes(subnet);
            if (!routes.missingResources().isEmpty()) {
                throw new UndeterminedException("the effective routes of " + subnet.label() + " cannot be told: "
                        + routes.missingResources().stream()
                                .map(io.asegraph.topology.EffectiveRoute::describeUnresolved)
                                .collect(java.util.stream.Collectors.joining("; ")));
            }
            return routes.routes().stream().map(PathMapping::effectiveRoute).toList();
        });
    }

    @Query("effectiveSecurityRules")
    @Description(
            "The security rules in force for a subnet or network interface, in evaluation order, service tags expanded.")
    public @NonNull List<@NonNull EffectiveSecurityRule> effectiveSecurityRules(
            @NonNull @Description("A network interface or subnet") String target) {
        return Errors.guard(() -> {
            AnalysisContext c = engines.current().context();
            Target t = target(c, target);
            Optional<NetworkSecurityGroup> subnetNsg = c.subnetNsg(t.subnet()).flatMap(AnalysisContext.Attached::nsg);
            Optional<NetworkSecurityGroup> nicNsg = t.nic().flatMap(c::nicNsg).flatMap(AnalysisContext.Attached::nsg);
            PrefixResolver resolver = new PrefixResolver(c.policies(), c.evaluationContext(t.subnet()));
            return EffectiveSecurityRules.forAttachment(subnetNsg, nicNsg, resolver).stream()
                    .map(r -> PathMapping.effectiveRule(r, subnetNsg.map(NetworkSecurityGroup::id)))
                    .toList();
        });
    }

    private record Target(Subnet subnet, Optional<NetworkInterface> nic) {}

    private static Target target(AnalysisContext c, String text) {
        Reference ref = c.resolver().resolveLocated(text);
        Resource r = ref.resource()
                .orElseThrow(() -> new InvalidArgumentException("'" + text + "' is not a network interface or subnet"));
        if (r instanceof NetworkInterface nic) {
            Subnet s = c.topology()
                    .subnet(nic.subnetId())
                    .orElseThrow(() -> new InvalidArgumentException(nic.name() + " has no subnet"));
            return new Target(s, Optional.of(nic));
        }
        if (r instanceof Subnet s) {
            return new Target(s, Optional.empty());
        }
        throw new InvalidArgumentException(
                "'" + text + "' is a " + ref.kind().label() + "; this question takes a network interface or a subnet");
    }

    public static void checkPort(String name, Integer port) {
        if (!Port.isPort(port)) {
            throw new InvalidArgumentException(Port.problem(name, port));
        }
    }

    private static long address(String name, String text) {
        try {
            return Ipv4.parse(text);
        } catch (InvalidAddressException e) {
            throw new InvalidArgumentException(name + ": " + e.getMessage());
        }
    }

    public static io.asegraph.net.Protocol protocol(Protocol p) {
        return io.asegraph.net.Protocol.valueOf((p == null ? Protocol.TCP : p).name());
    }
}
