package dev.saasapi.audit.entity;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One event of the audit log as the API shows it. */
public record AuditEventView(
        long id,
        @JsonbProperty("occurred_at") OffsetDateTime occurredAt,
        @JsonbNillable @JsonbProperty("organization_id") UUID organizationId,
        Party actor,
        String action,
        @JsonbNillable Party target,
        String outcome,
        @JsonbNillable String ip,
        @JsonbNillable @JsonbProperty("user_agent") String userAgent,
        @JsonbNillable @JsonbProperty("request_id") String requestId,
        Map<String, String> details) {

    /**
     * The event as the account it concerns sees it when someone else acted (an organization's admin, a
     * platform admin): not the actor's address and browser, nor a platform admin's id.
     */
    public AuditEventView seenByTheAccount() {
        Party shownActor = "admin".equals(actor.type()) ? new Party(actor.type(), null) : actor;
        return new AuditEventView(
                id, occurredAt, organizationId, shownActor, action, target, outcome, null, null, requestId, details);
    }

    /** An actor or a target: a type and, where there is one, an id. */
    public record Party(String type, @JsonbNillable String id) {}
}
