package dev.saasapi.accounts.entity;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A password the API accepts: 8 to 128 characters, counted as Unicode code points (an emoji is one
 * character), of well-formed text, and not one of the {@link CommonPasswords}; never trimmed or
 * truncated.
 */
@Documented
@Constraint(validatedBy = Password.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Password {

    int MIN_LENGTH = 8;
    int MAX_LENGTH = 128;
    String TOO_COMMON = "is one of the most common passwords; choose one that is harder to guess";

    String message() default
            "must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters of valid Unicode text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Password, String> {

        /** A lone surrogate is not text: hashed as UTF-8 it would become '?' and match another password. */
        static boolean isWellFormed(String value) {
            return value.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true; // @Required reports absence
            }
            int length = value.codePointCount(0, value.length());
            if (length < MIN_LENGTH || length > MAX_LENGTH || !isWellFormed(value)) {
                return false;
            }
            if (CommonPasswords.contains(value)) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(TOO_COMMON).addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
