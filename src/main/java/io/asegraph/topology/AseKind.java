package io.asegraph.topology;

import java.util.Locale;

/** App Service Environment generations; behaviour follows v1 unless v2/v3 differ (azure-semantics §2). */
public enum AseKind {
    ASEV1,
    ASEV2,
    ASEV3;

    public static AseKind parse(String text) {
        if (text == null || text.isBlank()) {
            return ASEV1;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "asev1", "ase", "v1", "1" -> ASEV1;
            case "asev2", "v2", "2" -> ASEV2;
            case "asev3", "v3", "3" -> ASEV3;
            default -> throw new IllegalArgumentException("'" + text + "' is not an ASE kind (ASEV1, ASEV2, ASEV3)");
        };
    }
}
