package dev.saasapi.identity.entity;

import java.util.UUID;

/**
 * What an API key may do now: act in one organization with a role ({@code admin} or {@code member}),
 * never more than the account that created it ({@code createdBy}) has there today.
 */
public record ApiKeyGrant(UUID keyId, UUID organizationId, String role, UUID createdBy) {}
