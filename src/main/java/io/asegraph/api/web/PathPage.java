package io.asegraph.api.web;

import io.asegraph.api.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The web page's path view at {@code /path?from=…&to=…&port=…&protocol=…}: the static page {@code path.html} of
 * {@code META-INF/resources} (also served as {@code /path.html}), answered at the shorter address too so that a shared
 * link reads as the question it asks. The page reads its query parameters itself and asks the GraphQL API. Role reader,
 * like the rest of the service (the HTTP policy on {@code /*} asks for credentials first).
 */
@Path("/path")
@RolesAllowed({Roles.READER, Roles.WRITER})
public class PathPage {
    private static final String PAGE = "META-INF/resources/path.html";

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public byte[] page() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new NotFoundException(PAGE + " is not in the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
