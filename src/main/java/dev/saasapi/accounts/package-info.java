/**
 * The user's account: registration, the account of the caller, email and password changes, password
 * hashing and policy, deletion. Depends on {@code identity} and {@code platform}; announces what
 * happened to an account with CDI events ({@code PasswordChanged}, {@code AccountDeleted}) that other
 * features observe, and never calls into them.
 */
package dev.saasapi.accounts;
