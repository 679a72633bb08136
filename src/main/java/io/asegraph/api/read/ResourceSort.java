package io.asegraph.api.read;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("ResourceSort")
@Description("One sort key; several apply in order, then the id breaks ties.")
public class ResourceSort {
    @NonNull
    public SortField field;

    public SortDirection direction = SortDirection.ASC;

    /** The default order: by name, ascending. */
    static final ResourceSort BY_NAME = new ResourceSort();

    static {
        BY_NAME.field = SortField.NAME;
    }

    public enum SortField {
        NAME,
        LOCATION,
        KIND,
        ID
    }

    public enum SortDirection {
        ASC,
        DESC
    }
}
