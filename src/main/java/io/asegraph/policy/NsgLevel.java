package io.asegraph.policy;

/** Where an NSG is associated: a subnet or a network interface. */
public enum NsgLevel {
    SUBNET,
    NETWORK_INTERFACE
}
