package dev.saasapi.accounts.entity;

import java.util.UUID;

/** Fired inside the transaction that gave an account a new, unverified email. */
public record EmailChanged(UUID accountId, String previousEmail, String newEmail) {}
