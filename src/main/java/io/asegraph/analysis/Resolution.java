package io.asegraph.analysis;

/** Which step of the reference order matched: resource id, IPv4 address, app host name, or unique name. */
public enum Resolution {
    RESOURCE_ID,
    ADDRESS,
    HOST_NAME,
    NAME
}
