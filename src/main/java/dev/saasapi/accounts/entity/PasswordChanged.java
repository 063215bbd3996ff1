package dev.saasapi.accounts.entity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Fired inside the transaction that stored an account's new password hash, after every access token
 * issued until {@code at} was revoked. {@code keptSession} is the session the change was made from,
 * which may go on; every other session of the account is over. {@code email} is the account's email,
 * for observers that act after the commit, when no entity may be read any more.
 */
public record PasswordChanged(UUID accountId, String email, Optional<UUID> keptSession, Instant at) {}
