package io.asegraph.analysis;

import io.asegraph.analysis.WalkEnds.Caller;
import io.asegraph.analysis.WalkEnds.Target;
import io.asegraph.net.Ipv4;
import io.asegraph.topology.AppServiceEnvironment;
import io.asegraph.topology.Subnet;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

/** The phrases the {@link CallSourceWalker} builds its reasons and trace steps from; it decides nothing. */
final class WalkPhrases {
    private WalkPhrases() {}

    static String insideSource(Caller c) {
        if (c.ase().isPresent()) {
            Subnet s = c.subnet();
            String where = s.prefixes().size() == 1
                    ? s.name() + " " + s.firstPrefix() + " (not a fixed address)"
                    : s.label() + ", not a fixed address";
            return "one of " + c.name() + "'s worker addresses in " + where;
        }
        if (c.nic().isPresent()) {
            return c.name() + "'s private address " + Ipv4.format(c.nic().get().privateIp());
        }
        return "its own address " + c.name();
    }

    static String broken(Caller c) {
        if (c.ase().isEmpty()) {
            return "";
        }
        return "; this breaks " + c.name() + "'s required direct outbound path to the Internet (its management and "
                + "dependencies need it): route 0.0.0.0/0 from " + c.subnet().name() + " to Internet with a user route";
    }

    static String crossAseNote(Caller c, Target t) {
        if (c.ase().isEmpty() || t.ase().isEmpty()) {
            return "";
        }
        return c.ase().get().id().equals(t.ase().get().id())
                ? " (an ASE calling its own apps makes an Internet call)"
                : " (calls between ASEs are Internet calls)";
    }

    /**
     * What an ASE's outbound addresses are, with the addresses: its public VIP, or its outbound address(es); for an
     * ASEv3 whose networking configuration lists Windows and Linux outbound addresses, which list they come from
     * (both are used: the call may come from an app of either kind).
     */
    static String aseOutbound(AppServiceEnvironment ase, List<Long> outbound) {
        boolean isVip = ase.publicVip().isPresent()
                && outbound.equals(List.of(ase.publicVip().get()));
        String what = isVip ? "public VIP " : (outbound.size() == 1 ? "outbound address " : "outbound addresses ");
        List<Long> windows = ase.windowsOutboundAddresses();
        List<Long> linux = ase.linuxOutboundAddresses();
        String lists;
        if (windows.isEmpty() && linux.isEmpty()) {
            lists = "";
        } else if (new HashSet<>(windows).equals(new HashSet<>(linux))) {
            lists = " (its Windows and Linux outbound lists are the same)";
        } else if (linux.isEmpty() || windows.isEmpty()) {
            lists = " (its " + (linux.isEmpty() ? "Windows" : "Linux") + " outbound list; it states no "
                    + (linux.isEmpty() ? "Linux" : "Windows") + " one)";
        } else {
            lists = " (both lists: " + list(windows) + " for Windows apps, " + list(linux)
                    + " for Linux apps; allow them all)";
        }
        return what + list(outbound) + lists;
    }

    static String sentence(String lead, String rest) {
        return lead.isEmpty() ? cap(rest) : lead + "; " + rest;
    }

    static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String list(List<Long> addresses) {
        return addresses.stream().map(Ipv4::format).collect(Collectors.joining(", "));
    }
}
