package io.asegraph.analysis.audit;

import io.asegraph.net.PortRange;
import io.asegraph.net.Protocol;
import io.asegraph.policy.Direction;
import io.asegraph.topology.AseKind;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One row of the health requirements table ({@link HealthRequirements}): what Azure requires of the network of the ASE
 * versions in {@code kinds}, why, and the page that says so. Three shapes: traffic an NSG must allow, destinations that
 * must be routed straight to the Internet, and a subnet the ASE holds alone.
 */
sealed interface HealthRequirement {
    /** The check's stable identifier, e.g. {@code inbound-management}. */
    String name();

    /** The ASE versions it applies to. */
    Set<AseKind> kinds();

    /** Why Azure requires it, as the requirement sentence opens. */
    String why();

    /** Where the requirement is documented. */
    List<AseDocumentation> documentation();

    /**
     * Traffic the NSGs of the ASE subnet must allow: every protocol on every port, from every source address to every
     * destination address (source ports are a client's ephemeral ports). Checked by {@link NsgRequirementCheck}.
     */
    record Nsg(
            String name,
            Set<AseKind> kinds,
            Direction direction,
            List<Protocol> protocols,
            List<PortRange> ports,
            AddressSource source,
            AddressSource destination,
            String why,
            List<AseDocumentation> documentation)
            implements HealthRequirement {
        public Nsg {
            Objects.requireNonNull(name, "name");
            kinds = Set.copyOf(kinds);
            Objects.requireNonNull(direction, "direction");
            protocols = List.copyOf(protocols);
            ports = List.copyOf(ports);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(why, "why");
            documentation = List.copyOf(documentation);
        }
    }

    /**
     * Destinations the ASE subnet must route straight to the Internet; a route elsewhere is {@code onFailure} (FAIL, or
     * WARN where the version supports forced tunnelling in ways not modelled). Forced tunnelling to an imported Azure
     * Firewall is accepted when the firewall admits the dependencies on {@code firewallPorts} (TCP; none: a firewall
     * does not help, as for replies to management). Checked by {@link RouteRequirementCheck}.
     */
    record Route(
            String name,
            Set<AseKind> kinds,
            AddressSource destination,
            CheckStatus onFailure,
            List<PortRange> firewallPorts,
            String why,
            List<AseDocumentation> documentation)
            implements HealthRequirement {
        public Route {
            Objects.requireNonNull(name, "name");
            kinds = Set.copyOf(kinds);
            firewallPorts = List.copyOf(firewallPorts);
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(onFailure, "onFailure");
            Objects.requireNonNull(why, "why");
            documentation = List.copyOf(documentation);
        }
    }

    /** The ASE subnet holds nothing but the ASE. Checked by {@link ExclusiveSubnetCheck}. */
    record ExclusiveSubnet(String name, Set<AseKind> kinds, String why, List<AseDocumentation> documentation)
            implements HealthRequirement {
        public ExclusiveSubnet {
            Objects.requireNonNull(name, "name");
            kinds = Set.copyOf(kinds);
            Objects.requireNonNull(why, "why");
            documentation = List.copyOf(documentation);
        }
    }
}
