package io.asegraph.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** An immutable set of ports 0..65535 as disjoint intervals. */
public final class PortSet {
    static final long MAX = 65535;
    public static final PortSet EMPTY = new PortSet(Intervals.EMPTY);
    public static final PortSet ALL = new PortSet(new long[] {0, MAX});

    private final long[] iv;

    private PortSet(long[] iv) {
        this.iv = iv;
    }

    public static PortSet of(Collection<PortRange> ranges) {
        long[] raw = new long[ranges.size() * 2];
        int k = 0;
        for (PortRange r : ranges) {
            raw[k++] = r.from();
            raw[k++] = r.to();
        }
        return wrap(Intervals.normalise(raw));
    }

    public static PortSet single(int port) {
        return of(List.of(PortRange.single(port)));
    }

    public PortSet union(PortSet o) {
        return wrap(Intervals.union(iv, o.iv));
    }

    public PortSet intersect(PortSet o) {
        return wrap(Intervals.intersect(iv, o.iv));
    }

    public PortSet minus(PortSet o) {
        return wrap(Intervals.minus(iv, o.iv, MAX));
    }

    public boolean contains(int port) {
        return Intervals.contains(iv, port);
    }

    public boolean containsAll(PortSet o) {
        return Intervals.minus(o.iv, iv, MAX).length == 0;
    }

    public boolean isEmpty() {
        return iv.length == 0;
    }

    public boolean isAll() {
        return iv.length == 2 && iv[0] == 0 && iv[1] == MAX;
    }

    public List<PortRange> toRanges() {
        List<PortRange> out = new ArrayList<>();
        for (int i = 0; i < iv.length; i += 2) {
            out.add(new PortRange((int) iv[i], (int) iv[i + 1]));
        }
        return out;
    }

    private static PortSet wrap(long[] iv) {
        return iv.length == 0 ? EMPTY : new PortSet(iv);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PortSet other && Arrays.equals(iv, other.iv);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(iv);
    }

    @Override
    public String toString() {
        return toRanges().toString();
    }
}
