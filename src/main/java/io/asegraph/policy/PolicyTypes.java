package io.asegraph.policy;

import io.asegraph.topology.NetworkTypes;
import io.asegraph.topology.ResourceKind;
import io.asegraph.topology.ResourceType;
import java.util.List;

/**
 * The typed keys of the policy kinds: every {@link ResourceKind} a {@link PolicySet} holds, with its record. The
 * network kinds are in {@link NetworkTypes}.
 */
public final class PolicyTypes {
    public static final ResourceType<NetworkSecurityGroup> NETWORK_SECURITY_GROUP =
            new ResourceType<>(ResourceKind.NETWORK_SECURITY_GROUP, NetworkSecurityGroup.class);
    public static final ResourceType<ApplicationSecurityGroup> APPLICATION_SECURITY_GROUP =
            new ResourceType<>(ResourceKind.APPLICATION_SECURITY_GROUP, ApplicationSecurityGroup.class);
    /** The service tags of a Service Tags file, one record per tag. */
    public static final ResourceType<ServiceTag> SERVICE_TAGS =
            new ResourceType<>(ResourceKind.SERVICE_TAGS, ServiceTag.class);

    /** All of them, in the order of {@link ResourceKind}. */
    public static final List<ResourceType<?>> ALL =
            List.of(NETWORK_SECURITY_GROUP, APPLICATION_SECURITY_GROUP, SERVICE_TAGS);

    private PolicyTypes() {}
}
