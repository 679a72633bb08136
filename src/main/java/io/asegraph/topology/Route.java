package io.asegraph.topology;

import java.util.Optional;

/** A user-defined route. {@code addressPrefix} is a CIDR block or a service tag name. */
public record Route(String name, String addressPrefix, NextHopType nextHopType, Optional<Long> nextHopIp) {}
