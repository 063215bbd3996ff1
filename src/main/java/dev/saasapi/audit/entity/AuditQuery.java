package dev.saasapi.audit.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Which events a list shows: the scope (an organization, an account, or everything) and the
 * filters of the request. Null means "any".
 */
public record AuditQuery(
        UUID organizationId, UUID accountId, String action, UUID actorId, OffsetDateTime since, OffsetDateTime until) {

    public static AuditQuery everything(String action, UUID actorId, OffsetDateTime since, OffsetDateTime until) {
        return new AuditQuery(null, null, action, actorId, since, until);
    }

    public AuditQuery inOrganization(UUID id) {
        return new AuditQuery(id, accountId, action, actorId, since, until);
    }

    public AuditQuery ofAccount(UUID id) {
        return new AuditQuery(organizationId, id, action, actorId, since, until);
    }
}
