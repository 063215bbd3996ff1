package dev.saasapi.accounts.control;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.Settings;
import dev.saasapi.platform.config.control.StartupFailure;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}),
 * with OWASP's recommended parameters. The parameters are stored in every hash, so hashes made under
 * an older policy keep verifying, and {@link #needsRehash} tells when to upgrade them.
 *
 * <p>Each hash takes about 19 MiB and one core for tens of milliseconds, so at most {@code
 * PASSWORD_HASH_CONCURRENCY} (default: the number of cores) run at once. A request that cannot get a
 * slot within {@link #MAX_WAIT_MILLIS} fails with {@link PasswordHashingBusyException} (503 with
 * {@code Retry-After}): under a flood of logins the server sheds load quickly instead of building a
 * queue of requests that would time out anyway.
 *
 * <p>The 19 MiB of each hash come from one pool of blocks that every hash returns (cleared) to: at
 * 50 logins/s, fresh memory would be 1 GB/s of garbage that lives just long enough to be promoted,
 * and with a heap of 1 GB or less, collecting it cut the logins/s by more than half (BENCHMARKS.md).
 */
@ApplicationScoped
public class PasswordHasher {

    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
    public static final String CONCURRENCY_VARIABLE = "PASSWORD_HASH_CONCURRENCY";
    static final long MAX_WAIT_MILLIS = 1000;
    private static final String CURRENT_PARAMETERS = "m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final LongAdder computations = new LongAdder();
    private final LongAdder refusals = new LongAdder();
    private final Semaphore slots;
    private final int capacity;
    /** Holds the memory of as many hashes as can run at once; more is allocated (and dropped) if ever needed. */
    private final Argon2BytesGenerator.BlockPool blocks;
    /** Verified when the email is unknown, so that answer takes as long as a wrong password. */
    private final String decoy;

    /** As many slots as cores; for the container's client proxy and for tests. */
    public PasswordHasher() {
        this(Runtime.getRuntime().availableProcessors());
    }

    @Inject
    PasswordHasher(Settings settings) {
        this(concurrency(settings.value(CONCURRENCY_VARIABLE)));
    }

    PasswordHasher(int concurrency) {
        this(new Semaphore(concurrency, true));
    }

    PasswordHasher(Semaphore slots) {
        this.slots = slots;
        this.capacity = slots.availablePermits();
        this.blocks = new Argon2BytesGenerator.FixedBlockPool(
                capacity * Argon2BytesGenerator.getBlockCount(MEMORY_KIB, PARALLELISM));
        decoy = hash("decoy password, never matches");
    }

    /** A wrong {@code PASSWORD_HASH_CONCURRENCY} stops the start-up, naming the variable. */
    static void checkSettings(
            @Observes @Initialized(ApplicationScoped.class) @Priority(1) Object started, Settings settings) {
        StartupFailure.check(() -> concurrency(settings.value(CONCURRENCY_VARIABLE)));
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$" + CURRENT_PARAMETERS + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Constant-time check of a password against a stored PHC string; false for any malformed hash. */
    public boolean verify(String password, String phc) {
        Matcher m = phc == null ? null : PHC.matcher(phc);
        if (m == null || !m.matches()) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(m.group(5));
        byte[] actual = argon2(
                password,
                Base64.getDecoder().decode(m.group(4)),
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the same work as {@link #verify} of a real account, and always fails. */
    public boolean verifyDecoy(String password) {
        verify(password, decoy);
        return false;
    }

    /** True when the hash was made with other parameters than today's: hash the password again. */
    public boolean needsRehash(String phc) {
        Matcher m = phc == null ? null : PHC.matcher(phc);
        return m == null
                || !m.matches()
                || !CURRENT_PARAMETERS.equals("m=" + m.group(1) + ",t=" + m.group(2) + ",p=" + m.group(3))
                || Base64.getDecoder().decode(m.group(5)).length != HASH_BYTES;
    }

    /**
     * The number of hashes allowed to run at once, from {@code PASSWORD_HASH_CONCURRENCY}.
     *
     * @throws InvalidConfigurationException naming the variable
     */
    public static int concurrency(Optional<String> setting) {
        return setting.map(text -> (int) Settings.wholeNumber(
                        CONCURRENCY_VARIABLE,
                        text,
                        1,
                        1024,
                        "a whole number from 1 to 1024 (default: the number of cores)"))
                .orElseGet(() -> Runtime.getRuntime().availableProcessors());
    }

    /** The saturation of the hashing slots in /metrics, published as soon as the application starts. */
    void publishMetrics(@Observes @Initialized(ApplicationScoped.class) Object start, MetricRegistry registry) {
        registry.gauge(
                Metadata.builder()
                        .withName("password_hash_slots")
                        .withDescription("Password hashes allowed to run at once (PASSWORD_HASH_CONCURRENCY)")
                        .build(),
                this,
                hasher -> hasher.capacity);
        registry.gauge(
                Metadata.builder()
                        .withName("password_hash_slots_in_use")
                        .withDescription("Password hashes running now; at password_hash_slots, requests wait")
                        .build(),
                this,
                hasher -> hasher.capacity - hasher.slots.availablePermits());
        registry.gauge(
                Metadata.builder()
                        .withName("password_hashes")
                        .withDescription("Argon2id computations since start-up (logins, including decoys for unknown"
                                + " emails, registrations, password checks): the hashing work done")
                        .build(),
                this,
                PasswordHasher::computations);
        registry.gauge(
                Metadata.builder()
                        .withName("password_hash_refusals")
                        .withDescription("Requests refused with 503 since start-up: no hashing slot came free in time")
                        .build(),
                this,
                hasher -> hasher.refusals.sum());
    }

    /** How many Argon2id computations this hasher has run: the work done, whatever the outcome. */
    public long computations() {
        return computations.sum();
    }

    private byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .withBlockPool(blocks)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        // NFKC: the same password typed on another keyboard or OS hashes the same
        byte[] input = Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        acquireSlot();
        try {
            computations.increment();
            generator.generateBytes(input, out);
        } finally {
            slots.release();
        }
        return out;
    }

    private void acquireSlot() {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(MAX_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            refusals.increment();
            throw new PasswordHashingBusyException();
        }
    }
}
