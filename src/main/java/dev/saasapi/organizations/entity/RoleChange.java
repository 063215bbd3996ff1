package dev.saasapi.organizations.entity;

import dev.saasapi.accounts.entity.Required;

/** The body of {@code PATCH /orgs/{org_id}/members/{user_id}}. */
public record RoleChange(@Required @RoleName String role) {}
