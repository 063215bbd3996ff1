package dev.saasapi.sessions.control;

import dev.saasapi.platform.problems.control.MalformedBodyException;

/** A login form that cannot be read at all: a malformed body that OAuth2 clients read as invalid_request. */
public class MalformedLoginRequestException extends MalformedBodyException {

    private static final long serialVersionUID = 1L;

    public MalformedLoginRequestException(String detail) {
        super(detail);
    }

    @Override
    public String oauthError() {
        return "invalid_request";
    }
}
