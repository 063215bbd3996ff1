/**
 * Who is calling: the authentication mechanism that verifies bearer tokens, the signing and
 * verification keys, the JWKS endpoint, token issuing and the caller's claims. Depends on {@code
 * platform} only; whether the caller's account still exists is the {@code accounts} feature's answer.
 */
package dev.saasapi.identity;
