package dev.saasapi.organizations.entity;

import java.util.UUID;

/** Fired inside the transaction that removes a member (or in which a member leaves), after the organization was locked. */
public record MemberRemoved(UUID organizationId, UUID userId) {}
