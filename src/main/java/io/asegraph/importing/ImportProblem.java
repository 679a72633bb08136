package io.asegraph.importing;

import java.util.Objects;
import java.util.Optional;

/**
 * One reason a document cannot be imported. {@code location} is a JSONPath into the document, such as
 * {@code $[3].properties.securityRules[2].properties.priority} (for malformed JSON it is {@code $} and the position
 * tells where the text broke); {@code value} is the offending value as written ({@code ""} when the field is missing;
 * strings without quotes, anything else as JSON); {@code message} names the field and the value and says what is
 * wrong. {@code position} is the line and column (1-based) of the value in the text, or of its nearest enclosing
 * value when the field is missing.
 */
public record ImportProblem(String location, String value, String message, Optional<Position> position) {

    /** A line and column in the document text, both 1-based. */
    public record Position(int line, int column) {
        @Override
        public String toString() {
            return "line " + line + ", column " + column;
        }
    }

    public ImportProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        value = value == null ? "" : value;
        position = position == null ? Optional.empty() : position;
    }

    ImportProblem at(Position p) {
        return new ImportProblem(location, value, message, Optional.of(p));
    }

    /** {@code LOCATION (line L, column C): MESSAGE}, the form shown to users. */
    @Override
    public String toString() {
        return location + position.map(p -> " (" + p + ")").orElse("") + ": " + message;
    }
}
