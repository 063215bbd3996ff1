package dev.saasapi.organizations.entity;

import java.util.Locale;
import java.util.Optional;

/** A member's role in one organization, from the most to the least powerful. */
public enum MemberRole {
    /** Everything, including the organization's deletion and granting or taking away {@code owner}. */
    OWNER,
    /** Manages members (not owners) and the organization's settings. */
    ADMIN,
    /** Reads the organization and its members; may leave. */
    MEMBER;

    /** The name the API and the database use. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MemberRole> of(String value) {
        for (MemberRole role : values()) {
            if (role.value().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** Whether this role may do what {@code least} may. */
    public boolean atLeast(MemberRole least) {
        return ordinal() <= least.ordinal();
    }
}
