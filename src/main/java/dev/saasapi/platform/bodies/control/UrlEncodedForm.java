package dev.saasapi.platform.bodies.control;

import dev.saasapi.platform.http.control.Printable;
import dev.saasapi.platform.problems.control.MalformedBodyException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body, decoded strictly: percent-escapes must be
 * well-formed and decode to valid UTF-8 without NUL, and no field may repeat. JAX-RS form parameters
 * replace bad bytes with U+FFFD, take the first of repeated fields silently, and on a servlet
 * container may even fall back to the query string: none of that suits a credentials endpoint.
 */
public final class UrlEncodedForm {

    private UrlEncodedForm() {}

    public static Map<String, String> parse(byte[] body) {
        String text = RequestBodies.utf8(body);
        Map<String, String> fields = new HashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (fields.putIfAbsent(name, value) != null) {
                throw new MalformedBodyException(
                        "The form repeats the field '" + Printable.of(name) + "'; send each field once.");
            }
        }
        return fields;
    }

    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length()
                        || !HexFormat.isHexDigit(encoded.charAt(i + 1))
                        || !HexFormat.isHexDigit(encoded.charAt(i + 2))) {
                    throw new MalformedBodyException("The form has a malformed percent-escape.");
                }
                bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 2;
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < encoded.length() ? i + 2 : i + 1;
                bytes.writeBytes(encoded.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return RequestBodies.utf8(bytes.toByteArray());
    }
}
