package dev.saasapi.identity.control;

import static dev.saasapi.identity.control.AccessTokenFuzzTest.ourHeader;
import static dev.saasapi.identity.control.AccessTokenFuzzTest.signed;
import static dev.saasapi.identity.control.AccessTokenFuzzTest.validClaimsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.saasapi.identity.control.AccessTokenVerifier.Verification;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A token that passed is remembered until it expires, and only then. */
class AccessTokenVerifierTest {

    private final AccessTokenVerifier verifier = AccessTokenFuzzTest.verifier();

    @Test
    void aTokenThatPassedIsNotVerifiedAgain() {
        String token = signed(ourHeader(), validClaimsWith(null, null));
        Verification first = verifier.verify(token);
        assertNotNull(first.claims());
        assertSame(first.claims(), verifier.verify(token).claims(), "verified a second time");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() throws InterruptedException {
        long expiry = Instant.now().getEpochSecond() + 2;
        String token = signed(ourHeader(), validClaimsWith("exp", String.valueOf(expiry)));
        assertNotNull(verifier.verify(token).claims());
        while (Instant.now().getEpochSecond() <= expiry) {
            Thread.sleep(100);
        }
        Verification late = verifier.verify(token);
        assertNull(late.claims(), "an expired token was accepted");
        assertEquals("Expired JWT", late.rejection());
    }

    @Test
    void aRefusalIsNotRemembered() throws InterruptedException {
        long notBefore = Instant.now().getEpochSecond() + 2; // a second at least to sign and check it
        String token = signed(ourHeader(), validClaimsWith("nbf", String.valueOf(notBefore)));
        assertNull(verifier.verify(token).claims());
        while (Instant.now().getEpochSecond() <= notBefore) {
            Thread.sleep(100);
        }
        assertNotNull(verifier.verify(token).claims(), "the early refusal was remembered");
    }

    @Test
    void aTokenWithAnotherSignatureIsNotTakenForARememberedOne() {
        String token = signed(ourHeader(), validClaimsWith(null, null));
        assertNotNull(verifier.verify(token).claims());
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
        assertNull(verifier.verify(forged).claims());
    }
}
