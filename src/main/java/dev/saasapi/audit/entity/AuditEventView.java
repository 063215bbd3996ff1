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

    /** An actor or a target: a type and, where there is one, an id. */
    public record Party(String type, @JsonbNillable String id) {}
}
