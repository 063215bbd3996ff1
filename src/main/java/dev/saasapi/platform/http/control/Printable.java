package dev.saasapi.platform.http.control;

/** Client-sent text made safe to echo in a problem or a log line. */
public final class Printable {

    private Printable() {}

    /** A client-sent name safe to echo in a problem or a log line: printable ASCII, at most 64 characters. */
    public static String of(String text) {
        String shown = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        return shown.codePoints()
                .map(c -> c >= 0x20 && c < 0x7f ? c : '?')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    /**
     * Client-sent text to store and show to people later (a User-Agent): at most {@code maxLength}
     * characters, control characters and lone surrogates replaced; null when there is nothing.
     */
    public static String storable(String text, int maxLength) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String kept = text.length() > maxLength ? text.substring(0, maxLength) : text;
        return kept.codePoints()
                .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
