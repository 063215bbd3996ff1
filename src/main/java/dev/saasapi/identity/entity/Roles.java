package dev.saasapi.identity.entity;

/** The roles carried in the access token's {@code groups} claim. */
public final class Roles {

    /** Every registered account. */
    public static final String USER = "user";

    /** An account whose verified email is in {@code ADMIN_EMAILS}: the platform's operators. */
    public static final String ADMIN = "admin";

    private Roles() {}
}
