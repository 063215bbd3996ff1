/**
 * The user's account: registration, the account of the caller, email and password changes, password
 * hashing and policy, deletion. Depends on {@code identity} and {@code platform}; announces what
 * happened to an account with CDI events ({@code AccountRegistered}, {@code EmailChanged}, {@code
 * PasswordChanged}, {@code AccountDeleted}) that other features observe, inside the transaction of the
 * change, and never calls into them. Whether a login needs a verified email is decided here.
 */
package dev.saasapi.accounts;
