package dev.saasapi.organizations.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An organization as one of its members sees it, with that member's role. */
public record OrganizationView(
        UUID id,
        String name,
        String slug,
        @JsonbProperty("created_at") OffsetDateTime createdAt,
        String role) {

    public static OrganizationView of(Organization organization, MemberRole role) {
        return new OrganizationView(
                organization.id(), organization.name(), organization.slug(), organization.createdAt(), role.value());
    }
}
