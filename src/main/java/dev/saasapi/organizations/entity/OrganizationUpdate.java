package dev.saasapi.organizations.entity;

/** The body of {@code PATCH /orgs/{org_id}} (merge patch): fields left out (or null) stay as they are. */
public record OrganizationUpdate(
        @OrganizationName String name, @Slug String slug) {

    public OrganizationUpdate {
        name = name == null ? null : name.strip();
    }
}
