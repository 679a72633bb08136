package io.asegraph.api.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * HTTP basic auth against the {@link UserStore}: the password is checked against the user's bcrypt hash by Elytron's
 * password factory, on a worker thread (bcrypt is slow by design).
 *
 * <p>Basic auth sends the password with every request; checking bcrypt each time would cost tens of milliseconds per
 * request. After a successful check the provider keeps an HMAC-SHA256 of user and password under a key drawn at start
 * (never the password), and a request whose HMAC equals it is accepted without bcrypt. A failed check always runs
 * bcrypt. The users are read at start: restart after changing the users file.
 */
@ApplicationScoped
public class UsersIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();
    private static final String HMAC = "HmacSHA256";

    private final UserStore users;
    private final byte[] key = new byte[32];
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();

    public UsersIdentityProvider(UserStore users) {
        this.users = users;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String name = request.getUsername();
        char[] password = request.getPassword().getPassword();
        Optional<UsersFile.User> user = users.user(name);
        if (user.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        byte[] mac = mac(name, password);
        byte[] known = verified.get(name);
        if (known != null && MessageDigest.isEqual(known, mac)) {
            return Uni.createFrom().item(identity(user.get()));
        }
        return context.runBlocking(() -> {
            if (!matches(user.get().hash(), password)) {
                throw new AuthenticationFailedException();
            }
            verified.put(name, mac);
            return identity(user.get());
        });
    }

    private static SecurityIdentity identity(UsersFile.User user) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.name()))
                .addRoles(user.roles())
                .build();
    }

    private static boolean matches(String hash, char[] password) {
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            Password stored = factory.translate(ModularCrypt.decode(hash));
            return factory.verify(stored, password);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] mac(String name, char[] password) {
        try {
            Mac m = Mac.getInstance(HMAC);
            m.init(new SecretKeySpec(key, HMAC));
            m.update(name.getBytes(StandardCharsets.UTF_8));
            m.update((byte) 0);
            return m.doFinal(new String(password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is missing from the JDK", e);
        }
    }
}
