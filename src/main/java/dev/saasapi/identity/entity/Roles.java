package dev.saasapi.identity.entity;

/** The caller's groups: an access token's {@code groups} claim, or {@link #API_KEY}. */
public final class Roles {

    /** Every registered account. */
    public static final String USER = "user";

    /** An account whose verified email is in {@code ADMIN_EMAILS}: the platform's operators. */
    public static final String ADMIN = "admin";

    /**
     * A machine client with an organization's API key: it reaches that organization's endpoints with
     * the key's role, and nothing else.
     */
    public static final String API_KEY = "api-key";

    private Roles() {}
}
