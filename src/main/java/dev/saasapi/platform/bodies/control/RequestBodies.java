package dev.saasapi.platform.bodies.control;

import dev.saasapi.platform.http.boundary.HttpHygieneFilter;
import dev.saasapi.platform.problems.control.MalformedBodyException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads request bodies with a hard size limit and strict UTF-8, the two checks every body passes. */
public final class RequestBodies {

    public static final int MAX_BYTES = HttpHygieneFilter.MAX_BODY_BYTES;

    private RequestBodies() {}

    /**
     * The body's bytes, or a 413 as soon as it passes the limit (a body sent without {@code
     * Content-Length}; a declared one is refused before reading, by the HTTP hygiene filter).
     */
    public static byte[] read(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ClientErrorException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes UTF-8 and refuses what is not: a lenient decoder would turn invalid bytes into U+FFFD and
     * store a different string than the client sent. NUL is refused too: PostgreSQL cannot store it.
     */
    public static String utf8(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedBodyException("The body is not valid UTF-8 text.");
        }
        requireNoNul(text);
        return text;
    }

    /** NUL is not text and PostgreSQL refuses it in strings, so it never gets past the boundary. */
    public static String requireNoNul(String text) {
        if (text.indexOf('\0') >= 0) {
            throw new MalformedBodyException("The body must not contain NUL characters.");
        }
        return text;
    }
}
