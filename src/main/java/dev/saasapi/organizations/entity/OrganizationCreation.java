package dev.saasapi.organizations.entity;

import dev.saasapi.accounts.entity.Required;

/** The body of {@code POST /orgs}: without a slug, one is made from the name. */
public record OrganizationCreation(
        @Required @OrganizationName String name, @Slug String slug) {

    public OrganizationCreation {
        name = name == null ? null : name.strip();
    }
}
