package dev.saasapi.users.entity;

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

/** An email address as accounts use it: well-formed, with a dot in the domain, at most 254 characters (RFC 5321). */
@Documented
@Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
@Size(max = EmailAddress.MAX_LENGTH)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    int MAX_LENGTH = 254;

    String message() default "must be a valid email address of at most " + MAX_LENGTH + " characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
