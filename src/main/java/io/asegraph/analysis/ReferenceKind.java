package io.asegraph.analysis;

import io.asegraph.policy.ApplicationSecurityGroup;
import io.asegraph.policy.NetworkSecurityGroup;
import io.asegraph.topology.App;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.Connection;
import io.asegraph.topology.Endpoint;
import io.asegraph.topology.LocalNetworkGateway;
import io.asegraph.topology.NatGateway;
import io.asegraph.topology.NetworkInterface;
import io.asegraph.topology.Peering;
import io.asegraph.topology.PrivateEndpoint;
import io.asegraph.topology.PublicIpAddress;
import io.asegraph.topology.Resource;
import io.asegraph.topology.RouteTable;
import io.asegraph.topology.Subnet;
import io.asegraph.topology.VirtualNetwork;
import io.asegraph.topology.VirtualNetworkGateway;

/** What a resolved reference is; {@code ADDRESS} is a bare IPv4 address (which may also map to a resource). */
public enum ReferenceKind {
    VIRTUAL_NETWORK("virtual network"),
    SUBNET("subnet"),
    PEERING("VNet peering"),
    APP_SERVICE_ENVIRONMENT("App Service Environment"),
    APP("app"),
    NETWORK_INTERFACE("network interface"),
    ENDPOINT("endpoint"),
    PRIVATE_ENDPOINT("private endpoint"),
    ROUTE_TABLE("route table"),
    VIRTUAL_NETWORK_GATEWAY("virtual network gateway"),
    LOCAL_NETWORK_GATEWAY("local network gateway"),
    CONNECTION("gateway connection"),
    NAT_GATEWAY("NAT gateway"),
    PUBLIC_IP_ADDRESS("public IP address"),
    NETWORK_SECURITY_GROUP("network security group"),
    APPLICATION_SECURITY_GROUP("application security group"),
    ADDRESS("address"),
    OTHER("resource");

    private final String label;

    ReferenceKind(String label) {
        this.label = label;
    }

    /** A lower-case phrase for messages, e.g. "virtual network". */
    public String label() {
        return label;
    }

    /** The kind of a model resource. */
    public static ReferenceKind of(Resource resource) {
        if (resource instanceof VirtualNetwork) {
            return VIRTUAL_NETWORK;
        } else if (resource instanceof Subnet) {
            return SUBNET;
        } else if (resource instanceof Peering) {
            return PEERING;
        } else if (resource instanceof AppServiceEnvironment) {
            return APP_SERVICE_ENVIRONMENT;
        } else if (resource instanceof App) {
            return APP;
        } else if (resource instanceof NetworkInterface) {
            return NETWORK_INTERFACE;
        } else if (resource instanceof Endpoint) {
            return ENDPOINT;
        } else if (resource instanceof PrivateEndpoint) {
            return PRIVATE_ENDPOINT;
        } else if (resource instanceof RouteTable) {
            return ROUTE_TABLE;
        } else if (resource instanceof VirtualNetworkGateway) {
            return VIRTUAL_NETWORK_GATEWAY;
        } else if (resource instanceof LocalNetworkGateway) {
            return LOCAL_NETWORK_GATEWAY;
        } else if (resource instanceof Connection) {
            return CONNECTION;
        } else if (resource instanceof NatGateway) {
            return NAT_GATEWAY;
        } else if (resource instanceof PublicIpAddress) {
            return PUBLIC_IP_ADDRESS;
        } else if (resource instanceof NetworkSecurityGroup) {
            return NETWORK_SECURITY_GROUP;
        } else if (resource instanceof ApplicationSecurityGroup) {
            return APPLICATION_SECURITY_GROUP;
        }
        return OTHER;
    }
}
