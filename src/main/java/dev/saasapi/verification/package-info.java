/**
 * Proof that a user reads the account's mail: email verification and password reset by single-use
 * links, and the notices of password and email changes. Observes the {@code accounts} feature's events
 * (registration, email and password changes) and uses its boundary to look up, verify and reset an
 * account; sends through the platform's mail outbox; depends on {@code identity} and {@code platform}.
 */
package dev.saasapi.verification;
