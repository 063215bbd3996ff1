package dev.saasapi.accounts.entity;

import java.util.UUID;

/** Fired inside the transaction that turns the account off, after its tokens were revoked. */
public record AccountDeactivated(UUID accountId) {}
