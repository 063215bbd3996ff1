package dev.saasapi.apikeys.entity;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

/** A key's role: {@code admin} or {@code member}, never {@code owner}. Absent (null) is valid here. */
@Documented
@Constraint(validatedBy = ApiKeyRole.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiKeyRole {

    Set<String> ROLES = Set.of("admin", "member");

    String message() default "must be admin or member";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ApiKeyRole, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ROLES.contains(value);
        }
    }
}
