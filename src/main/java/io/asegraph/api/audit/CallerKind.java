package io.asegraph.api.audit;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;

@Enum("CallerKind")
@Description("What kind of resource a caller is.")
public enum CallerKind {
    APP_SERVICE_ENVIRONMENT, APP, NETWORK_INTERFACE
}
