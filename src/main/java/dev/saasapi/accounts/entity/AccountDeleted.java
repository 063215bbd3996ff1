package dev.saasapi.accounts.entity;

import java.util.UUID;

/** Fired inside the transaction that deletes the account, before its row goes. */
public record AccountDeleted(UUID accountId) {}
