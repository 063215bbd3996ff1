package dev.saasapi.organizations.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A member of an organization, as the other members see them. */
public record MemberView(
        @JsonbProperty("user_id") UUID userId,
        String email,
        String role,
        @JsonbProperty("joined_at") OffsetDateTime joinedAt) {

    public static MemberView of(Membership membership, String email) {
        return new MemberView(membership.userId(), email, membership.role().value(), membership.joinedAt());
    }
}
