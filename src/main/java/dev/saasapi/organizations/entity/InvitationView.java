package dev.saasapi.organizations.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An invitation as the organization's admins see it: never its token. */
public record InvitationView(
        UUID id,
        String email,
        String role,
        String status,
        @JsonbProperty("expires_at") OffsetDateTime expiresAt) {

    public static InvitationView of(Invitation invitation) {
        return new InvitationView(
                invitation.id(),
                invitation.email(),
                invitation.role().value(),
                invitation.status(),
                invitation.expiresAt());
    }
}
