package io.asegraph.api.read;

import io.asegraph.api.read.filter.AppServiceEnvironmentWhere;
import io.asegraph.api.read.filter.AppWhere;
import io.asegraph.api.read.filter.NetworkInterfaceWhere;
import io.asegraph.api.read.filter.NetworkSecurityGroupWhere;
import io.asegraph.api.read.filter.RouteTableWhere;
import io.asegraph.api.read.filter.SubnetWhere;

/**
 * The filters every listing had before the per-type where inputs (name, location, kind, containsAddress): a where
 * that uses only those runs as before, in Cypher; any other condition is evaluated over the estate snapshot.
 */
final class Legacy {
    private Legacy() {}

    /** The where as a {@link ResourceWhere} when it uses the original fields only, else null. */
    static ResourceWhere of(SubnetWhere w) {
        if (w == null
                || w.AND != null
                || w.OR != null
                || w.NOT != null
                || w.exists != null
                || w.id != null
                || w.addressPrefix != null
                || w.networkSecurityGroup != null
                || w.routeTable != null
                || w.networkInterfaces != null) {
            return null;
        }
        return where(w.name, w.location, null, w.containsAddress);
    }

    static ResourceWhere of(NetworkSecurityGroupWhere w) {
        if (w == null
                || w.AND != null
                || w.OR != null
                || w.NOT != null
                || w.exists != null
                || w.id != null
                || w.appliedToSubnets != null
                || w.appliedToNetworkInterfaces != null
                || w.securityRules != null) {
            return null;
        }
        return where(w.name, w.location, null, null);
    }

    static ResourceWhere of(AppServiceEnvironmentWhere w) {
        if (w == null
                || w.AND != null
                || w.OR != null
                || w.NOT != null
                || w.exists != null
                || w.id != null
                || w.internalLoadBalancingMode != null
                || w.publicVip != null
                || w.healthy != null
                || w.status != null
                || w.subnet != null) {
            return null;
        }
        return where(w.name, w.location, w.kind, null);
    }

    static ResourceWhere of(RouteTableWhere w) {
        if (w == null
                || w.AND != null
                || w.OR != null
                || w.NOT != null
                || w.exists != null
                || w.id != null
                || w.disableBgpRoutePropagation != null
                || w.routes != null
                || w.subnets != null) {
            return null;
        }
        return where(w.name, w.location, null, null);
    }

    static ResourceWhere of(AppWhere w) {
        if (w == null
                || w.AND != null
                || w.OR != null
                || w.NOT != null
                || w.exists != null
                || w.id != null
                || w.defaultHostName != null
                || w.environment != null) {
            return null;
        }
        return where(w.name, w.location, null, null);
    }

    static ResourceWhere of(NetworkInterfaceWhere w) {
        if (w == null
                || w.AND != null
                || w.OR != null
                || w.NOT != null
                || w.exists != null
                || w.id != null
                || w.privateIpAddress != null
                || w.virtualMachine != null
                || w.subnet != null
                || w.networkSecurityGroup != null
                || w.publicIpAddress != null) {
            return null;
        }
        return where(w.name, w.location, null, null);
    }

    private static ResourceWhere where(
            StringFilter name, StringFilter location, StringFilter kind, String containsAddress) {
        ResourceWhere r = new ResourceWhere();
        r.name = name;
        r.location = location;
        r.kind = kind;
        r.containsAddress = containsAddress;
        return r;
    }
}
