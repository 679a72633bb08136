package io.asegraph.policy;

import io.asegraph.net.AddressSet;

/**
 * The outcome of a flow question over a range of source addresses.
 * <ul>
 *   <li>{@code ALLOWED}: every source address is allowed (for every destination, port and protocol of the space);</li>
 *   <li>{@code DENIED}: every source address is denied for some part of the space, and nothing is undetermined;</li>
 *   <li>{@code PARTIAL}: some source addresses are allowed and others denied, with the exact sub-ranges reported;</li>
 *   <li>{@code UNDETERMINED}: some part depends on something the model does not know (an unresolved service tag or
 *       application security group), named in the result;</li>
 *   <li>{@code UNREACHABLE}: the call is never delivered (no route); produced by the path walk, never by an NSG.</li>
 * </ul>
 */
public enum Verdict {
    ALLOWED,
    DENIED,
    PARTIAL,
    UNDETERMINED,
    UNREACHABLE;

    /**
     * The verdict over a source range split into allowed, denied and undetermined parts: any undetermined part makes
     * it UNDETERMINED; otherwise ALLOWED when nothing is denied, DENIED when nothing is allowed, PARTIAL in between.
     */
    public static Verdict of(AddressSet allowed, AddressSet denied, AddressSet undetermined) {
        if (!undetermined.isEmpty()) {
            return UNDETERMINED;
        }
        if (denied.isEmpty()) {
            return ALLOWED;
        }
        return allowed.isEmpty() ? DENIED : PARTIAL;
    }
}
