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

/** One of the roles' names: {@code owner}, {@code admin} or {@code member}. Absent (null) is valid here. */
@Documented
@Constraint(validatedBy = RoleName.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface RoleName {

    String message() default "must be owner, admin or member";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RoleName, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || MemberRole.of(value).isPresent();
        }
    }
}
