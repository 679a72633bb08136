package io.asegraph.api.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * With {@code asegraph.auth.anonymous-read=true}, an anonymous caller gets the role {@code reader}: the HTTP policy
 * lets it reach {@code /graphql}, the read resolvers answer it, and mutations still refuse it (FORBIDDEN). Off by
 * default: then an anonymous caller gets 401.
 */
@ApplicationScoped
public class AnonymousReader implements SecurityIdentityAugmentor {
    private final boolean enabled;

    public AnonymousReader(AuthConfig auth) {
        this.enabled = auth.anonymousRead();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!enabled || !identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(identity)
                        .addRole(Roles.READER)
                        .build());
    }
}
