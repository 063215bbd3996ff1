package dev.saasapi.audit.boundary;

import dev.saasapi.audit.control.AuditStore;
import dev.saasapi.audit.entity.AuditEventView;
import dev.saasapi.audit.entity.AuditQuery;
import dev.saasapi.organizations.boundary.Organizations;
import dev.saasapi.organizations.entity.Actor;
import dev.saasapi.organizations.entity.MemberRole;
import dev.saasapi.platform.http.control.PathIds;
import dev.saasapi.platform.lists.control.Page;
import dev.saasapi.platform.lists.control.PageRequest;
import dev.saasapi.platform.problems.control.InvalidFieldsException;
import dev.saasapi.platform.problems.entity.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The audit log as its three readers see it: an account's owner, an organization's admins, the platform's admins. */
@ApplicationScoped
public class AuditEvents {

    private static final Pattern ACTION = Pattern.compile("[a-z_]{1,32}\\.[a-z_]{1,31}");

    @Inject
    AuditStore store;

    @Inject
    Organizations organizations;

    /**
     * The filters of a list request: {@code action}, {@code actor_id}, {@code since}, {@code until}
     * (RFC 3339 date-times, {@code until} excluded).
     *
     * @throws InvalidFieldsException naming each filter that is not of its form
     */
    public static AuditQuery filters(String action, String actorId, String since, String until) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (action != null && !ACTION.matcher(action).matches()) {
            errors.add(new Problem.FieldError("action", "must be an action name such as login.failed"));
        }
        UUID actor = null;
        if (actorId != null) {
            actor = PathIds.parse(actorId).orElse(null);
            if (actor == null) {
                errors.add(new Problem.FieldError("actor_id", "must be a UUID"));
            }
        }
        OffsetDateTime from = time("since", since, errors);
        OffsetDateTime to = time("until", until, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return AuditQuery.everything(action, actor, from, to);
    }

    /**
     * The events that concern the account (its logins, password and email changes, sessions ended, …):
     * where someone else acted, without their address and browser.
     */
    @Transactional
    public Page<AuditEventView> ofAccount(UUID accountId, AuditQuery filters, PageRequest page) {
        Page<AuditEventView> events = page(filters.ofAccount(accountId), page);
        String self = accountId.toString();
        return new Page<>(
                events.items().stream()
                        .map(event ->
                                event.actor().id() == null || event.actor().id().equals(self)
                                        ? event
                                        : event.seenByTheAccount())
                        .toList(),
                events.total());
    }

    /** The organization's events, for its admins and owners (and its admin keys). */
    @Transactional
    public Page<AuditEventView> ofOrganization(UUID organizationId, Actor actor, AuditQuery filters, PageRequest page) {
        organizations.role(organizationId, actor, MemberRole.ADMIN);
        return page(filters.inOrganization(organizationId), page);
    }

    /** Everything, for platform admins. */
    @Transactional
    public Page<AuditEventView> all(AuditQuery filters, PageRequest page) {
        return page(filters, page);
    }

    private Page<AuditEventView> page(AuditQuery query, PageRequest page) {
        return new Page<>(store.search(query, page), store.count(query));
    }

    private static OffsetDateTime time(String name, String text, List<Problem.FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(text.strip());
            if (time.getYear() >= 1 && time.getYear() <= 9999) {
                return time;
            }
            errors.add(new Problem.FieldError(name, "must be between the years 1 and 9999"));
            return null;
        } catch (DateTimeParseException e) {
            errors.add(
                    new Problem.FieldError(name, "must be a date-time with an offset, such as 2026-01-31T12:00:00Z"));
            return null;
        }
    }
}
