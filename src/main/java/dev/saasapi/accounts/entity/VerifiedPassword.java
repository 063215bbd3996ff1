package dev.saasapi.accounts.entity;

import java.util.UUID;

/**
 * A password that matched an account's hash. The write that follows goes ahead only if the account
 * still has {@code verifiedHash}; {@code rehash} is the password hashed under the current policy, or
 * null when the stored hash already is.
 */
public record VerifiedPassword(UUID accountId, String verifiedHash, String rehash) {}
