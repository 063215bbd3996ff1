package dev.saasapi.organizations.entity;

import dev.saasapi.accounts.entity.Required;

/** The body of {@code POST /invitations/accept}: the token from the mailed link. */
public record InvitationAcceptance(@Required String token) {

    @Override
    public String toString() {
        return "InvitationAcceptance[token=…]";
    }
}
