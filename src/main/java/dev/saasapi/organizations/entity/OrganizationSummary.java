package dev.saasapi.organizations.entity;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An organization as a platform admin sees it: no role of its own, the number of members. */
public record OrganizationSummary(
        UUID id,
        String name,
        String slug,
        @JsonbProperty("created_at") OffsetDateTime createdAt,
        long members) {

    public static OrganizationSummary of(Organization organization, long members) {
        return new OrganizationSummary(
                organization.id(), organization.name(), organization.slug(), organization.createdAt(), members);
    }
}
