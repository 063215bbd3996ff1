package dev.saasapi.accounts.entity;

import com.nulabinc.zxcvbn.StandardDictionaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The 30,000 most common passwords (the list zxcvbn ships, ranked by frequency in leaked password
 * dumps), held in memory. They are the first ones any guessing attack tries, so none may be chosen,
 * in any letter case (NIST SP 800-63B, 3.1.1.2).
 */
public final class CommonPasswords {

    private static final Set<String> PASSWORDS = load();

    private CommonPasswords() {}

    public static boolean contains(String password) {
        return PASSWORDS.contains(
                Normalizer.normalize(password, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
    }

    static int size() {
        return PASSWORDS.size();
    }

    private static Set<String> load() {
        try {
            return Set.copyOf(StandardDictionaries.PASSWORDS_LOADER
                    .load()
                    .getRankedDictionary()
                    .keySet());
        } catch (IOException e) {
            throw new UncheckedIOException("the common-password list is missing from the application", e);
        }
    }
}
