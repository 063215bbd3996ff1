package dev.saasapi.sessions.control;

import dev.saasapi.platform.problems.control.InvalidFieldsException;
import dev.saasapi.platform.problems.entity.Problem;
import java.util.List;

/** The login form lacks a field: a validation problem that OAuth2 clients also read as invalid_request. */
public class InvalidLoginRequestException extends InvalidFieldsException {

    private static final long serialVersionUID = 1L;

    public InvalidLoginRequestException(List<Problem.FieldError> errors) {
        super(errors);
    }

    @Override
    public String oauthError() {
        return "invalid_request";
    }
}
