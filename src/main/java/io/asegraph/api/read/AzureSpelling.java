package io.asegraph.api.read;

import java.util.Locale;

/** The API's enum value of a value the store keeps in Azure's spelling (ExpressRoute → EXPRESS_ROUTE). */
final class AzureSpelling {
    private AzureSpelling() {}

    /** The constant of {@code type} whose name, underscores left out, is {@code azure} (case-insensitive). */
    static <E extends Enum<E>> E parse(Class<E> type, String azure) {
        String n = azure.toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().replace("_", "").toLowerCase(Locale.ROOT).equals(n)) {
                return e;
            }
        }
        throw new IllegalStateException("the store holds '" + azure + "', which is no " + type.getSimpleName());
    }
}
