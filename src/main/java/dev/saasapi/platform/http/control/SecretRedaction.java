package dev.saasapi.platform.http.control;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Takes out of a log line what must never be written, whoever writes it (our code, Jersey, Payara):
 * query strings (a careless client puts credentials there), values of password, token, secret and
 * key fields, credentials after an authentication scheme, JWTs, and opaque tokens of the shape this
 * service issues (32 random bytes in base64url). The log keeps the rest of the line, so an operator
 * still sees what happened, to which path, and for which request id.
 */
public final class SecretRedaction {

    static final String REDACTED = "[redacted]";

    private record Rule(Pattern pattern, String replacement) {}

    private static final List<Rule> RULES = List.of(
            // a URI's query: "/auth/login?username=a&password=b" keeps "/auth/login?"
            new Rule(Pattern.compile("(/[^\\s?\"'<>]*\\?)\\S+"), "$1" + REDACTED),
            // password=..., "refresh_token":"...", api_key: ... (form, JSON and text spellings; not a
            // path segment such as /users/me/password)
            new Rule(
                    Pattern.compile("(?i)(?<![\\w/.-])([\\w-]*(?:password|token|secret|api[_-]?key)\"?\\s*[=:]\\s*)"
                            + "(?:\"(?:[^\"\\\\]|\\\\.)*\"?|[^\\s&]+)"),
                    "$1" + REDACTED),
            // "Authorization: Bearer ...", "Basic ..."
            new Rule(Pattern.compile("(?i)\\b(bearer|basic)(\\s+)\\S+"), "$1$2" + REDACTED),
            // a JWT on its own: its header always starts {" (eyJ in base64url)
            new Rule(Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]*)?"), REDACTED),
            // refresh tokens and the other opaque secrets: exactly 43 base64url characters
            new Rule(Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])"), REDACTED));

    private SecretRedaction() {}

    /** The text with every secret-shaped part replaced, or the same instance when there is none. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Rule rule : RULES) {
            var matcher = rule.pattern().matcher(result);
            if (matcher.find()) {
                result = matcher.replaceAll(rule.replacement());
            }
        }
        return result.equals(text) ? text : result;
    }
}
