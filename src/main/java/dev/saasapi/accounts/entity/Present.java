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
 * A body field that must be sent: passwords, which may be anything (even spaces) but absent, and flags.
 * Like {@code Required}, limited to fields and record components so it does not propagate to the
 * canonical constructor's parameters.
 */
@Documented
@Constraint(validatedBy = Present.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Present {

    String message() default "is required";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Present, Object> {
        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            return value != null;
        }
    }
}
