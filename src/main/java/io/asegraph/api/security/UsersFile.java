package io.asegraph.api.security;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A users file: a Java properties file with one line per user, {@code name=<bcrypt hash>;role,role}, e.g.
 * {@code admin=$2a$10$...;reader,writer}. The hash is bcrypt in modular crypt form, as
 * {@code io.quarkus.elytron.security.common.BcryptUtil.bcryptHash} (or {@code htpasswd -nbB}) writes it.
 */
public final class UsersFile {
    /** One user: the bcrypt hash of the password and the roles. */
    public record User(String name, String hash, Set<String> roles) {
        public User {
            roles = Set.copyOf(roles);
        }
    }

    private UsersFile() {}

    /** The users of {@code file}; a line without a bcrypt hash fails with the line's user named. */
    public static Map<String, User> read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, User> users = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames()) {
            String value = p.getProperty(name).trim();
            int semi = value.indexOf(';');
            String hash = semi < 0 ? value : value.substring(0, semi).trim();
            if (!hash.startsWith("$2")) {
                throw new IllegalArgumentException(
                        "user " + name + " in " + file + " has no bcrypt hash (expected name=$2a$...;role,role)");
            }
            Set<String> roles = new LinkedHashSet<>();
            if (semi >= 0) {
                Arrays.stream(value.substring(semi + 1).split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .forEach(roles::add);
            }
            users.put(name, new User(name, hash, roles));
        }
        return users;
    }

    /** Writes {@code users} to {@code out} in the file's format. */
    static void write(Writer out, Iterable<User> users) throws IOException {
        out.write("# asegraph users: name=<bcrypt hash>;role,role (roles: reader, writer)\n");
        for (User u : users) {
            out.write(u.name() + "=" + u.hash() + ";" + String.join(",", new java.util.TreeSet<>(u.roles())) + "\n");
        }
    }
}
