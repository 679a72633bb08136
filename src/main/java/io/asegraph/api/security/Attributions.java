package io.asegraph.api.security;

import io.asegraph.graph.Attribution;
import io.quarkus.security.identity.SecurityIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/** Runs a write as the caller: the principal and operation the change record names (see {@code changes}). */
public final class Attributions {
    private Attributions() {}

    /** Runs {@code write} attributed to {@code identity}'s principal, as {@code operation}. */
    public static <T> T as(SecurityIdentity identity, String operation, Optional<String> sha256, Supplier<T> write) {
        String principal = identity == null || identity.isAnonymous()
                ? "anonymous"
                : identity.getPrincipal().getName();
        return Attribution.run(new Attribution(principal, operation, sha256), write);
    }

    /** SHA-256 of {@code bytes}, lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** SHA-256 of {@code text} as UTF-8, lower-case hex. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
