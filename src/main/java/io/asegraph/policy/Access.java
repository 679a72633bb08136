package io.asegraph.policy;

import java.util.Locale;

public enum Access {
    ALLOW,
    DENY;

    public static Access parse(String text) {
        if (text != null) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "allow":
                    return ALLOW;
                case "deny":
                    return DENY;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an access (Allow, Deny)");
    }

    public String azureName() {
        return this == ALLOW ? "Allow" : "Deny";
    }
}
