package dev.saasapi.apikeys.entity;

import dev.saasapi.accounts.entity.Required;
import dev.saasapi.organizations.entity.OrganizationName;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.OffsetDateTime;

/** The body of {@code POST /orgs/{org_id}/api-keys}; without {@code expires_at}, the key never expires. */
public record ApiKeyCreation(
        @Required @OrganizationName String name,
        @Required @ApiKeyRole String role,
        @JsonbProperty("expires_at") OffsetDateTime expiresAt) {}
