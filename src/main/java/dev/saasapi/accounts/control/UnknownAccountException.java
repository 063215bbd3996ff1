package dev.saasapi.accounts.control;

import dev.saasapi.identity.control.InvalidCredentialException;

/** The token is well-formed and signed, but revoked, or its account no longer exists or is disabled. */
public class UnknownAccountException extends InvalidCredentialException {

    private static final long serialVersionUID = 1L;

    public UnknownAccountException() {
        super();
    }
}
