/**
 * Sessions from login to logout: the OAuth2 token endpoint (password and refresh-token grants),
 * refresh-token rotation and replay detection, logout, the sessions list and the hourly purge. Uses
 * the {@code accounts} feature's boundary to check a password and lock an account, and observes its
 * events to end sessions; depends on {@code identity} and {@code platform}.
 */
package dev.saasapi.sessions;
