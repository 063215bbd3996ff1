package dev.saasapi.organizations.entity;

import dev.saasapi.accounts.entity.EmailAddress;
import dev.saasapi.accounts.entity.Required;

/** The body of {@code POST /orgs/{org_id}/invitations}. */
public record InvitationRequest(
        @Required @EmailAddress String email,
        @Required @RoleName String role) {

    public InvitationRequest {
        email = email == null ? null : email.strip();
    }
}
