package dev.saasapi.verification.entity;

import dev.saasapi.accounts.entity.Required;

/** The body of {@code POST /auth/verify-email}: the token from the link's fragment. */
public record EmailTokenUse(@Required String token) {

    @Override
    public String toString() {
        return "EmailTokenUse[]";
    }
}
