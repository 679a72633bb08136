package io.asegraph.analysis;

import io.asegraph.analysis.WalkEnds.Caller;
import io.asegraph.analysis.WalkEnds.Target;
import io.asegraph.net.Ipv4;
import java.util.List;
import java.util.stream.Collectors;

/** The phrases the {@link CallSourceWalker} builds its reasons and trace steps from; it decides nothing. */
final class WalkPhrases {
    private WalkPhrases() {}

    static String insideSource(Caller c) {
        if (c.ase().isPresent()) {
            return "one of " + c.name() + "'s worker addresses in " + c.subnet().name() + " "
                    + c.subnet().prefix() + " (not a fixed address)";
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
