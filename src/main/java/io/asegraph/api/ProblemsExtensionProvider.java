package io.asegraph.api;

import io.asegraph.importing.ImportProblem;
import io.smallrye.graphql.api.ErrorExtensionProvider;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.List;

/**
 * Adds {@code extensions.problems} to a GraphQL error caused by an {@link InvalidDocumentException}: every problem
 * as {@code {location, value, message, line, column}} (line and column are null when unknown). Registered in
 * {@code META-INF/services/io.smallrye.graphql.api.ErrorExtensionProvider}; its key is listed in
 * {@code quarkus.smallrye-graphql.error-extension-fields}. SmallRye asks every provider for every error: other
 * errors get {@code problems: null}.
 */
public class ProblemsExtensionProvider implements ErrorExtensionProvider {
    static final String KEY = "problems";
    private static final JsonProvider JSON = JsonProvider.provider();

    @Override
    public String getKey() {
        return KEY;
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        if (exception instanceof InvalidDocumentException e) {
            return toJson(e.problems());
        }
        return JsonValue.NULL;
    }

    static JsonValue toJson(List<ImportProblem> problems) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (ImportProblem p : problems) {
            JsonObjectBuilder o = JSON.createObjectBuilder()
                    .add("location", p.location())
                    .add("value", p.value())
                    .add("message", p.message());
            if (p.position().isPresent()) {
                o.add("line", p.position().get().line())
                        .add("column", p.position().get().column());
            } else {
                o.addNull("line").addNull("column");
            }
            array.add(o);
        }
        return array.build();
    }
}
