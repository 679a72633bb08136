package io.asegraph.api.read;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ResourceSort")
@Description("One sort key; several apply in order, then the id breaks ties.")
public class ResourceSort {
    @NonNull
    @Description("The field to order by.")
    public SortField field;

    @Description("ASC (default) or DESC.")
    public SortDirection direction = SortDirection.ASC;

    /** The default order: by name, ascending. */
    static final ResourceSort BY_NAME = new ResourceSort();

    static {
        BY_NAME.field = SortField.NAME;
    }

    @Description("A field listings can be ordered by.")
    public enum SortField {
        @Description("The resource name.")
        NAME,
        @Description("The Azure region.")
        LOCATION,
        @Description("The resource kind (e.g. ASEV3 for an ASE).")
        KIND,
        @Description("The resource id.")
        ID
    }

    @Description("Ascending or descending.")
    public enum SortDirection {
        @Description("Ascending (A to Z, low to high).")
        ASC,
        @Description("Descending (Z to A, high to low).")
        DESC
    }
}
