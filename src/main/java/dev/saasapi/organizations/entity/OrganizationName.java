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

/**
 * An organization's display name: 1 to 100 characters, no control characters (it ends up in mails and
 * in other people's screens). Absent (null) is valid here.
 */
@Documented
@Constraint(validatedBy = OrganizationName.Validator.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface OrganizationName {

    String message() default "must be 1 to 100 characters, without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<OrganizationName, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || (!value.isBlank()
                            && value.codePointCount(0, value.length()) <= Organization.MAX_NAME_LENGTH
                            && value.length() <= 2 * Organization.MAX_NAME_LENGTH
                            && value.codePoints().noneMatch(Validator::control));
        }

        private static boolean control(int codePoint) {
            int type = Character.getType(codePoint);
            return type == Character.CONTROL
                    || type == Character.FORMAT
                    || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
        }
    }
}
