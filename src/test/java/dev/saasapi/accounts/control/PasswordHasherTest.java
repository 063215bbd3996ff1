package dev.saasapi.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void writesAnArgon2idPhcStringWithOwaspParametersAndA16ByteSalt() {
        String hash = hasher.hash("correct horse battery staple");

        String[] parts = hash.split("\\$");
        assertEquals("argon2id", parts[1]);
        assertEquals("v=19", parts[2]);
        assertEquals("m=19456,t=2,p=1", parts[3]);
        assertEquals(16, Base64.getDecoder().decode(parts[4]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[5]).length);
    }

    @Test
    void producesTheReferenceArgon2idOutput() {
        // recomputed independently with Bouncy Castle's generator from the stored salt and parameters
        String hash = hasher.hash("p4ssw0rd!");
        String[] parts = hash.split("\\$");
        byte[] expected = argon2id("p4ssw0rd!", Base64.getDecoder().decode(parts[4]), 19456, 2);

        assertEquals(B64.encodeToString(expected), parts[5]);
    }

    @Test
    void reusesTheMemoryOfEarlierHashesAndStillComputesTheReferenceOutput() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        hasher.hash("warm the pool up");
        long before = threads.getCurrentThreadAllocatedBytes();
        String hash = hasher.hash("p4ssw0rd!");
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // 19 MiB of blocks when they are fresh; the block table and small change when they come from the pool
        assertTrue(allocated < 2 * 1024 * 1024, "allocated " + allocated + " bytes for one hash");
        String[] parts = hash.split("\\$");
        byte[] expected = argon2id("p4ssw0rd!", Base64.getDecoder().decode(parts[4]), 19456, 2);
        assertEquals(B64.encodeToString(expected), parts[5], "blocks reused after clearing give the same hash");
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse battery staple");

        assertTrue(hasher.verify("correct horse battery staple", hash));
        assertFalse(hasher.verify("correct horse battery stapl", hash));
        assertFalse(hasher.verify("correct horse battery staple ", hash), "never trimmed");
        assertFalse(hasher.verify("Correct horse battery staple", hash));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(hasher.hash("same password"), hasher.hash("same password"));
    }

    @Test
    void neverTruncatesLongPasswords() {
        String longPassword = "x".repeat(127) + "a";
        String hash = hasher.hash(longPassword);

        assertFalse(hasher.verify("x".repeat(127) + "b", hash));
        assertTrue(hasher.verify(longPassword, hash));
    }

    @Test
    void treatsCompatibilityFormsOfTheSameTextAsTheSamePassword() {
        // "ﬁ" (U+FB01 ligature) normalises to "fi" under NFKC
        String hash = hasher.hash("ﬁre-and-ice");

        assertTrue(hasher.verify("fire-and-ice", hash));
    }

    @Test
    void verifiesHashesMadeWithOtherParameters() {
        byte[] salt = new byte[16];
        byte[] out = argon2id("older policy", salt, 12288, 3);
        String older = "$argon2id$v=19$m=12288,t=3,p=1$" + B64.encodeToString(salt) + "$" + B64.encodeToString(out);

        assertTrue(hasher.verify("older policy", older));
    }

    @Test
    void rejectsMalformedHashesInsteadOfFailing() {
        assertFalse(hasher.verify("x", null));
        assertFalse(hasher.verify("x", ""));
        assertFalse(hasher.verify("x", "$2b$12$abcdefghijklmnopqrstuv"));
        assertFalse(
                hasher.verify(
                        "x",
                        "$argon2id$v=19$m=99999999,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    }

    @Test
    void decoyVerificationDoesTheWorkOfARealOneAndAlwaysFails() {
        String hash = hasher.hash("correct horse battery staple");
        long before = hasher.computations();
        hasher.verify("wrong password", hash);
        long perVerification = hasher.computations() - before;

        assertFalse(hasher.verifyDecoy("decoy password, never matches"));

        assertEquals(1, perVerification);
        assertEquals(before + 2 * perVerification, hasher.computations(), "one full Argon2id run, like verify");
    }

    /** Bouncy Castle's Argon2id, called directly: the reference the hasher must agree with. */
    private static byte[] argon2id(String password, byte[] salt, int memoryKib, int iterations) {
        byte[] out = new byte[32];
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(1)
                .withSalt(salt)
                .build());
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    @Test
    void asksForARehashOnlyWhenTheParametersDifferFromTodays() {
        assertFalse(hasher.needsRehash(hasher.hash("correct horse battery")));
        assertTrue(hasher.needsRehash(
                "$argon2id$v=19$m=4096,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI"));
        assertTrue(hasher.needsRehash("$2b$12$notargon"));
    }

    @Test
    void readsTheNumberOfHashingSlotsFromTheSetting() {
        assertEquals(Runtime.getRuntime().availableProcessors(), PasswordHasher.concurrency(Optional.empty()));
        assertEquals(3, PasswordHasher.concurrency(Optional.of("3")));
        for (String invalid : List.of("0", "-1", "two", "1025")) {
            assertThrows(InvalidConfigurationException.class, () -> PasswordHasher.concurrency(Optional.of(invalid)));
        }
    }

    @Test
    void namesTheVariableTheRangeAndTheDefaultOfTheSlots() {
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> PasswordHasher.concurrency(Optional.of("0")));

        assertEquals(
                "PASSWORD_HASH_CONCURRENCY must be a whole number from 1 to 1024 (default: the number of cores)",
                e.getMessage());
    }

    @Test
    void answersBusyInsteadOfQueueingWhenEverySlotStaysTaken() {
        Semaphore slots = new Semaphore(1);
        PasswordHasher oneSlot = new PasswordHasher(slots);
        slots.acquireUninterruptibly(); // another request is hashing

        assertThrows(PasswordHashingBusyException.class, () -> oneSlot.hash("correct horse battery"));
        assertThrows(PasswordHashingBusyException.class, () -> oneSlot.verifyDecoy("correct horse battery"));

        slots.release();
        assertTrue(oneSlot.verify("correct horse battery", oneSlot.hash("correct horse battery")));
        assertEquals(1, slots.availablePermits(), "every slot is given back");
    }

    @Test
    void waitsUpToASecondForASlotSoThatABurstOfRequestsIsServedNotRefused() throws Exception {
        Semaphore slots = new Semaphore(1, true);
        PasswordHasher oneSlot = new PasswordHasher(slots);
        slots.acquireUninterruptibly(); // another request is hashing, and finishes after 700 ms
        Thread release = new Thread(() -> {
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            slots.release();
        });
        release.start();

        String hash = oneSlot.hash("correct horse battery");

        release.join();
        assertTrue(oneSlot.verify("correct horse battery", hash));
        assertEquals(1, slots.availablePermits(), "every slot is given back");
    }
}
