package io.asegraph.api.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Who may call the API. Without {@code users-file} the users are read from {@code <data-directory>/users.properties},
 * which the first start creates with an {@code admin} user (see {@link UserStore}).
 */
@ConfigMapping(prefix = "asegraph.auth")
public interface AuthConfig {
    /**
     * A users file of one's own: a line per user, {@code name=<bcrypt hash>;role,role}. When set, no admin is
     * created.
     */
    Optional<String> usersFile();

    /**
     * Without {@code users-file}: create {@code <data-directory>/users.properties} with the user admin on first start.
     * False for a service that takes bearer tokens only.
     */
    @WithDefault("true")
    boolean createAdmin();

    /**
     * The claim of a bearer token that holds its roles ({@code roles}: Entra ID's app roles; {@code groups}); it sets
     * {@code smallrye.jwt.path.groups}.
     */
    @WithDefault("roles")
    String rolesClaim();

    /** Anonymous callers get the role {@code reader}: every query without credentials; writes still need a writer. */
    @WithDefault("false")
    boolean anonymousRead();

    /**
     * Who may read the Prometheus metrics at {@code /q/metrics}: {@code reader} (the default: a caller with the role
     * reader or writer, as for every query; Prometheus then scrapes with {@code basic_auth}), {@code permit} (anyone:
     * for a scraper without credentials on a trusted network) or {@code deny} (nobody). It sets the HTTP permission
     * {@code quarkus.http.auth.permission.metrics.policy}.
     */
    @WithDefault("reader")
    MetricsAccess metrics();

    /** The values of {@link #metrics()}: Quarkus HTTP policies by name. */
    enum MetricsAccess {
        READER,
        PERMIT,
        DENY
    }
}
