package io.asegraph.api.security;

import io.asegraph.graph.StoreConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The users of the basic-auth identity provider, read once at start. With {@code asegraph.auth.users-file} that file
 * (it must exist). Otherwise {@code <data-directory>/users.properties}; when it does not exist yet (and
 * {@code asegraph.auth.create-admin} is not false, e.g. for bearer tokens only), the first start creates it with
 * the user {@code admin} (roles reader, writer) and a random password, which it writes to
 * {@code <data-directory>/initial-admin-password}, readable by its owner only. The log names that file, never the
 * password.
 */
@Startup
@Singleton
public class UserStore {
    static final String USERS_FILE = "users.properties";
    static final String PASSWORD_FILE = "initial-admin-password";

    private final AuthConfig auth;
    private final StoreConfig store;
    private volatile Map<String, UsersFile.User> users = Map.of();

    public UserStore(AuthConfig auth, StoreConfig store) {
        this.auth = auth;
        this.store = store;
    }

    @PostConstruct
    void load() {
        try {
            Optional<Path> file = file();
            users = file.isPresent() ? UsersFile.read(file.get()) : Map.of();
            Log.infof(
                    "asegraph auth: %d users from %s",
                    users.size(),
                    file.map(f -> f.toAbsolutePath().toString())
                            .orElse("no file (asegraph.auth.create-admin=false: bearer tokens only)"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the users file: " + e.getMessage(), e);
        }
    }

    /** The user called {@code name}, if any. */
    public Optional<UsersFile.User> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    private Optional<Path> file() throws IOException {
        if (auth.usersFile().isPresent()) {
            Path configured = Path.of(auth.usersFile().get());
            if (!Files.isRegularFile(configured)) {
                throw new IOException("asegraph.auth.users-file " + configured.toAbsolutePath() + " does not exist");
            }
            return Optional.of(configured);
        }
        Path data = Path.of(store.dataDirectory());
        Path users = data.resolve(USERS_FILE);
        if (Files.isRegularFile(users)) {
            return Optional.of(users);
        }
        if (!auth.createAdmin()) {
            return Optional.empty();
        }
        createAdmin(data, users);
        return Optional.of(users);
    }

    private static void createAdmin(Path data, Path users) throws IOException {
        Files.createDirectories(data);
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path passwordFile = data.resolve(PASSWORD_FILE);
        Files.deleteIfExists(passwordFile);
        Files.writeString(ownerOnly(passwordFile), password + "\n", StandardCharsets.UTF_8);
        UsersFile.User admin =
                new UsersFile.User("admin", BcryptUtil.bcryptHash(password), Set.of(Roles.READER, Roles.WRITER));
        Path tmp = ownerOnly(users.resolveSibling(USERS_FILE + ".tmp"));
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            UsersFile.write(w, List.of(admin));
        }
        Files.move(tmp, users, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Log.infof(
                "Created the user admin (roles reader, writer) in %s; its password is in %s (readable by its owner only)",
                users.toAbsolutePath(), passwordFile.toAbsolutePath());
    }

    /** Creates {@code file} empty (replacing it), readable and writable by its owner only where the file system says so. */
    private static Path ownerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<?> perms = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return Files.createFile(file, perms);
        }
        return Files.createFile(file);
    }
}
