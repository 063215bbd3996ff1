/**
 * The platform admin's endpoints under {@code /admin}: for accounts whose verified email is in {@code
 * ADMIN_EMAILS} (the {@code admin} group of their tokens, checked again on every request). Uses the
 * {@code accounts} feature's boundary; depends on {@code identity} and {@code platform}.
 */
package dev.saasapi.admin;
