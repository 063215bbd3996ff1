package dev.saasapi.organizations.entity;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * An organization's slug: lower-case letters, digits and hyphens, 3 to 40 of them. Absent (null) is
 * valid here; where one is required, {@code @Required} says so.
 */
@Documented
@Constraint(validatedBy = Slug.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Slug {

    int MIN_LENGTH = 3;
    int MAX_LENGTH = 40;
    Pattern FORM = Pattern.compile("[a-z0-9-]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");

    String message() default "must be 3 to 40 lower-case letters, digits and hyphens";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Slug, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || FORM.matcher(value).matches();
        }
    }
}
