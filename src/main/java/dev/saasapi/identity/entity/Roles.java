package dev.saasapi.identity.entity;

/** The roles carried in the access token's {@code groups} claim. */
public final class Roles {

    /** Every registered account. */
    public static final String USER = "user";

    private Roles() {}
}
