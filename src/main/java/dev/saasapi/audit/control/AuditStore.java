package dev.saasapi.audit.control;

import dev.saasapi.audit.entity.AuditEventView;
import dev.saasapi.audit.entity.AuditQuery;
import dev.saasapi.platform.audit.entity.SecurityEvent;
import dev.saasapi.platform.http.control.Printable;
import dev.saasapi.platform.lists.control.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.StringReader;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code audit_events} table: rows are only ever added (and purged when old). Runs inside the
 * caller's transaction, on its connection: an event and the change it records commit together.
 */
@ApplicationScoped
public class AuditStore {

    static final int MAX_USER_AGENT = 256;

    private static final String INSERT = "INSERT INTO audit_events (occurred_at, organization_id, actor_type,"
            + " actor_id, account_id, action, target_type, target_id, outcome, ip, user_agent, request_id, details)"
            + " VALUES (clock_timestamp(), CAST(?1 AS uuid), ?2, CAST(?3 AS uuid), CAST(?4 AS uuid), ?5, ?6, ?7, ?8,"
            + " ?9, ?10, ?11, CAST(?12 AS jsonb))";

    private static final String COLUMNS = "id, occurred_at, organization_id, actor_type, actor_id, action,"
            + " target_type, target_id, outcome, ip, user_agent, request_id, details::text";

    @PersistenceContext
    EntityManager em;

    /** Adds the event; actor and client already resolved. */
    public void add(SecurityEvent event, SecurityEvent.Actor actor, SecurityEvent.Client client) {
        JsonObjectBuilder details = Json.createObjectBuilder();
        event.details().forEach(details::add);
        em.createNativeQuery(INSERT)
                .setParameter(1, text(event.organizationId()))
                .setParameter(2, actor.type())
                .setParameter(3, text(actor.id()))
                .setParameter(4, text(event.accountId()))
                .setParameter(5, event.action())
                .setParameter(6, event.targetType())
                .setParameter(7, event.targetId())
                .setParameter(8, event.succeeded() ? "success" : "failure")
                .setParameter(9, client.ip())
                .setParameter(10, Printable.storable(client.userAgent(), MAX_USER_AGENT))
                .setParameter(11, client.requestId())
                .setParameter(12, details.build().toString())
                .executeUpdate();
    }

    /** Newest first. */
    public List<AuditEventView> search(AuditQuery query, PageRequest page) {
        List<Object> parameters = new ArrayList<>();
        String where = where(query, parameters);
        Query select = em.createNativeQuery("SELECT " + COLUMNS + " FROM audit_events" + where
                + " ORDER BY id DESC LIMIT " + page.perPage() + " OFFSET " + page.offset());
        for (int i = 0; i < parameters.size(); i++) {
            select.setParameter(i + 1, parameters.get(i));
        }
        List<AuditEventView> events = new ArrayList<>();
        for (Object row : select.getResultList()) {
            events.add(view((Object[]) row));
        }
        return events;
    }

    public long count(AuditQuery query) {
        List<Object> parameters = new ArrayList<>();
        Query count = em.createNativeQuery("SELECT count(*) FROM audit_events" + where(query, parameters));
        for (int i = 0; i < parameters.size(); i++) {
            count.setParameter(i + 1, parameters.get(i));
        }
        return ((Number) count.getSingleResult()).longValue();
    }

    /** Events older than the cut-off, at most {@code batch} of them; the number deleted. */
    public int removeOlderThan(OffsetDateTime cutOff, int batch) {
        return em.createNativeQuery("DELETE FROM audit_events WHERE id IN (SELECT id FROM audit_events"
                        + " WHERE occurred_at < ?1 ORDER BY id LIMIT " + batch + ")")
                .setParameter(1, Timestamp.from(cutOff.toInstant()))
                .executeUpdate();
    }

    /** A transaction-scoped advisory lock, if no other transaction holds it. */
    public boolean tryLockUntilCommit(long lock) {
        return Boolean.TRUE.equals(em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, lock)
                .getSingleResult());
    }

    /** Only conditions the query has, so that each list uses its index. */
    private static String where(AuditQuery query, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (query.organizationId() != null) {
            parameters.add(query.organizationId().toString());
            conditions.add("organization_id = CAST(?" + parameters.size() + " AS uuid)");
        }
        if (query.accountId() != null) {
            parameters.add(query.accountId().toString());
            conditions.add("account_id = CAST(?" + parameters.size() + " AS uuid)");
        }
        if (query.action() != null) {
            parameters.add(query.action());
            conditions.add("action = ?" + parameters.size());
        }
        if (query.actorId() != null) {
            parameters.add(query.actorId().toString());
            conditions.add("actor_id = CAST(?" + parameters.size() + " AS uuid)");
        }
        if (query.since() != null) {
            parameters.add(Timestamp.from(query.since().toInstant()));
            conditions.add("occurred_at >= ?" + parameters.size());
        }
        if (query.until() != null) {
            parameters.add(Timestamp.from(query.until().toInstant()));
            conditions.add("occurred_at < ?" + parameters.size());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static AuditEventView view(Object[] row) {
        String targetType = (String) row[6];
        return new AuditEventView(
                ((Number) row[0]).longValue(),
                time(row[1]),
                uuid(row[2]),
                new AuditEventView.Party((String) row[3], row[4] == null ? null : row[4].toString()),
                (String) row[5],
                targetType == null ? null : new AuditEventView.Party(targetType, (String) row[7]),
                (String) row[8],
                (String) row[9],
                (String) row[10],
                (String) row[11],
                details((String) row[12]));
    }

    private static Map<String, String> details(String json) {
        Map<String, String> details = new LinkedHashMap<>();
        if (json != null) {
            JsonObject object = Json.createReader(new StringReader(json)).readObject();
            object.forEach((key, value) ->
                    details.put(key, value instanceof JsonString text ? text.getString() : value.toString()));
        }
        return details;
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }

    private static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
