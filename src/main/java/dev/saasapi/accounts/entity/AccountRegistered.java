package dev.saasapi.accounts.entity;

import java.util.UUID;

/** Fired inside the transaction that created an account. */
public record AccountRegistered(UUID accountId, String email) {}
