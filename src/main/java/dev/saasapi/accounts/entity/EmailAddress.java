package dev.saasapi.accounts.entity;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An email address as accounts use it: well-formed, with a dot in the domain, at most 254 characters
 * (RFC 5321), and no invisible characters (no-break or zero-width spaces, controls, U+FFFD from bad
 * UTF-8) that would let one address be registered again as a look-alike.
 */
@Documented
@Email(regexp = EmailAddress.VISIBLE + "+@" + EmailAddress.VISIBLE + "+\\." + EmailAddress.VISIBLE + "+")
@Size(max = EmailAddress.MAX_LENGTH)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    int MAX_LENGTH = 254;

    /** Any character but '@', whitespace, separators (Z), controls and format characters (C), U+FFFD. */
    String VISIBLE = "[^@\\s\\p{Z}\\p{C}\\x{FFFD}]";

    String message() default "must be a valid email address of at most " + MAX_LENGTH + " characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
