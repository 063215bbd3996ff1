package dev.saasapi.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern.Flag;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.web.api.Web;

/**
 * An email comes from a register or update body, is trimmed by the body's record and then checked by
 * {@link EmailAddress}. Unit tests have no Bean Validation provider (Payara's applies the constraint at
 * run time), so these properties check what the constraint declares on top of {@code @Email}'s own
 * syntax check: its regular expression and its size. What those accept is a superset of what the
 * constraint accepts, so every "accepted ⇒ …" property here holds for every accepted address, and
 * every address they refuse is refused.
 *
 * <p>What is accepted is visible text (no whitespace, separators, controls, format characters or
 * U+FFFD, so no look-alike of an address), at most 254 characters, with one '@' and a dot in the
 * domain; it is trimmed the same way by every body and the login, trimming it again changes nothing,
 * and it is an email a {@link User} can be created with.
 */
class EmailAddressPropertiesTest {

    /** The limit the Javadoc and the README promise (RFC 5321), written here, not read from the code. */
    private static final int MAX_LENGTH = 254;

    private static final Pattern DECLARED = declaredPattern();
    private static final Size SIZE = EmailAddress.class.getAnnotation(Size.class);

    @Property(tries = 1000)
    void whatIsAcceptedIsVisibleWithinTheLimitAndMakesAUser(@ForAll("anyEmails") String sent) {
        String email = normalized(sent);
        if (!accepted(email)) {
            return;
        }
        assertTrue(email.length() <= MAX_LENGTH, () -> email.length() + " characters accepted");
        assertEquals(1, email.chars().filter(c -> c == '@').count(), email);
        String domain = email.substring(email.indexOf('@') + 1);
        assertTrue(IntStream.range(1, domain.length() - 1).anyMatch(i -> domain.charAt(i) == '.'), email);
        email.codePoints().forEach(c -> assertTrue(isVisible(c), () -> "U+%04X accepted in %s".formatted(c, email)));
        assertDoesNotThrow(() -> new User(email, "hash"), email);
    }

    @Property(tries = 1000)
    void aLookAlikeWithAnInvisibleCharacterInsideIsRefused(
            @ForAll("visibleEmails") String email,
            @ForAll("invisibles") String invisible,
            @ForAll @IntRange(min = 1, max = 300) int at) {
        assertTrue(accepted(email), email);
        int[] codePoints = email.codePoints().toArray();
        int i = 1 + at % (codePoints.length - 1); // inside: at the ends, whitespace is trimmed off
        String lookAlike = new String(codePoints, 0, i) + invisible + new String(codePoints, i, codePoints.length - i);

        assertFalse(accepted(normalized(lookAlike)), lookAlike);
    }

    @Property(tries = 500)
    void anAddressIsAcceptedUpToTheLimitAndRefusedBeyondIt(
            @ForAll("visibleEmails") String email, @ForAll @IntRange(min = 240, max = 270) int length) {
        int at = email.lastIndexOf('@');
        String sized = email.substring(0, at + 1) + "d".repeat(length - email.length()) + email.substring(at + 1);

        assertEquals(sized.length() <= MAX_LENGTH, accepted(sized), () -> sized.length() + " characters");
    }

    @Property(tries = 1000)
    void everyBodyTrimsAnEmailAsDocumentedAndOnlyOnce(@ForAll("anyEmails") String sent) {
        String registered = new Registration(sent, "a password").email();

        assertEquals(sent.strip(), registered, "the email is not trimmed as documented");
        assertEquals(registered, new EmailUpdate(sent, null).email(), "an update trims differently");
        assertEquals(registered, normalized(registered), "trimming twice changes it");
        if (accepted(registered)) {
            assertEquals(registered, registered.strip(), "an accepted email still has whitespace around it");
        }
    }

    @Property(tries = 300)
    void whitespaceAroundAnAddressIsTrimmedOff(
            @ForAll("visibleEmails") String email, @ForAll("padding") String before, @ForAll("padding") String after) {
        String registered = normalized(before + email + after);

        assertEquals(email, registered);
        assertTrue(accepted(registered), registered);
    }

    /** The address a body keeps: trimmed by the record's constructor. */
    private static String normalized(String sent) {
        return new Registration(sent, "a password").email();
    }

    /** What the constraint declares besides {@code @Email}'s syntax: its regular expression and size. */
    private static boolean accepted(String email) {
        return email != null
                && email.length() >= SIZE.min()
                && email.length() <= SIZE.max()
                && DECLARED.matcher(email).matches();
    }

    private static Pattern declaredPattern() {
        Email email = EmailAddress.class.getAnnotation(Email.class);
        int flags = 0;
        for (Flag flag : email.flags()) {
            flags |= flag.getValue();
        }
        return Pattern.compile(email.regexp(), flags);
    }

    /** Visible, as documented: no whitespace, separator, control, format, private-use or unassigned character, no U+FFFD. */
    private static boolean isVisible(int c) {
        int type = Character.getType(c);
        return !Character.isWhitespace(c)
                && !Character.isSpaceChar(c)
                && type != Character.CONTROL
                && type != Character.FORMAT
                && type != Character.SURROGATE
                && type != Character.PRIVATE_USE
                && type != Character.UNASSIGNED
                && c != 0xfffd;
    }

    @Provide
    Arbitrary<String> anyEmails() {
        Arbitrary<String> mixed = Combinators.combine(part(true), part(true), part(true))
                .as((local, domain, tld) -> local + "@" + domain + "." + tld);
        return Arbitraries.frequencyOf(
                Tuple.of(4, mixed),
                Tuple.of(2, visibleEmails()),
                Tuple.of(1, Web.emails()),
                Tuple.of(
                        1,
                        Combinators.combine(padding(), visibleEmails(), padding())
                                .as((a, e, b) -> a + e + b)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(40)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(
                        1, Arbitraries.strings().withChars("a@.\u00a0\u200b \t").ofMaxLength(12)),
                Tuple.of(
                        1,
                        Arbitraries.of("a@b.c".repeat(60), "a".repeat(250) + "@b.c", "a@" + "b.".repeat(200) + "c")));
    }

    /** Addresses of visible characters only: ASCII, other scripts, emoji, and the punctuation addresses have. */
    @Provide
    Arbitrary<String> visibleEmails() {
        return Combinators.combine(part(false), part(false), part(false))
                .as((local, domain, tld) -> local + "@" + domain + "." + tld)
                .filter(email -> email.length() <= MAX_LENGTH);
    }

    @Provide
    Arbitrary<String> invisibles() {
        return invisibleCharacters();
    }

    private static Arbitrary<String> invisibleCharacters() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        " ",
                        "\t",
                        "\n",
                        "\r",
                        "\0",
                        "\u007f",
                        "\u0085",
                        "\u00a0",
                        "\u00ad",
                        "\u061c",
                        "\u1680",
                        "\u180e",
                        "\u2000",
                        "\u2007",
                        "\u200b",
                        "\u200c",
                        "\u200d",
                        "\u200e",
                        "\u2028",
                        "\u2029",
                        "\u202e",
                        "\u202f",
                        "\u205f",
                        "\u2060",
                        "\u2066",
                        "\u3000",
                        "\ufeff",
                        "\ufffd",
                        "\ue000",
                        "\u0378",
                        "\ud800",
                        "\udc00",
                        "\udb40\udc01",
                        "\udb40\udc20",
                        "\udbff\udffd"),
                Arbitraries.integers().between(0, 0x1f).map(Character::toString),
                Arbitraries.integers().between(0x7f, 0x9f).map(Character::toString));
    }

    @Provide
    Arbitrary<String> padding() {
        return Arbitraries.strings()
                .withChars(" \t\r\n\u2003\u3000\u2028\u001f")
                .ofMaxLength(3);
    }

    /** One to twenty characters, visible ones and, with {@code invisible}, also any other. */
    private static Arbitrary<String> part(boolean invisible) {
        Arbitrary<String> visible = Arbitraries.frequencyOf(
                Tuple.of(
                        6,
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .withCharRange('0', '9')
                                .ofLength(1)),
                Tuple.of(2, Arbitraries.of(List.of("A", "Z", ".", "-", "_", "+", "!", "#", "'", "~", "\""))),
                Tuple.of(
                        2,
                        Arbitraries.of("\u00e9", "\u00fc", "\u00df", "\u4e2d", "\u0436", "\u05d0", "\u0131", "\u0130")),
                Tuple.of(1, Arbitraries.of("\ud83d\ude00", "\ud83c\udf89", "\ud835\udc00")),
                Tuple.of(1, Arbitraries.of("\u0301", "\u00b7")));
        Arbitrary<String> character = invisible
                ? Arbitraries.frequencyOf(
                        Tuple.of(8, visible),
                        Tuple.of(1, invisibleCharacters()),
                        Tuple.of(1, Arbitraries.chars().map(String::valueOf)))
                : visible;
        return character.list().ofMinSize(1).ofMaxSize(20).map(chars -> String.join("", chars));
    }
}
