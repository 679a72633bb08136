package io.asegraph.api.read;

/**
 * The filters every listing had before the per-type where inputs (name, location, kind, containsAddress): a where
 * that uses only those runs as before, in Cypher; any other condition is evaluated over the estate snapshot.
 */
final class Legacy {
    private Legacy() {}

    /**
     * A per-type where (its public fields) as a {@link ResourceWhere} when every field it sets is one of the original
     * ones, else null.
     */
    static ResourceWhere of(Object where) {
        if (where == null) {
            return null;
        }
        ResourceWhere r = new ResourceWhere();
        for (java.lang.reflect.Field f : where.getClass().getFields()) {
            Object value;
            try {
                value = f.get(where);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            if (value == null) {
                continue;
            }
            switch (f.getName()) {
                case "name" -> r.name = (StringFilter) value;
                case "location" -> r.location = (StringFilter) value;
                case "kind" -> r.kind = (StringFilter) value;
                case "containsAddress" -> r.containsAddress = (String) value;
                default -> {
                    return null;
                }
            }
        }
        return r;
    }
}
