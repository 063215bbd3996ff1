package dev.saasapi.accounts.entity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Fired inside the transaction that gave an account a new, unverified email.
 *
 * @param previousChange when the email changed before this, if it ever did
 */
public record EmailChanged(UUID accountId, String previousEmail, String newEmail, Optional<Instant> previousChange) {}
