package dev.saasapi.platform.http.control;

import java.util.Optional;
import java.util.UUID;

/** Ids in request paths: text that is not a UUID in its usual form names nothing, like an unknown id. */
public final class PathIds {

    private PathIds() {}

    /** The UUID, only in its canonical 36-character form (not {@code UUID.fromString}'s shorter ones). */
    public static Optional<UUID> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
