package dev.saasapi.organizations.control;

import dev.saasapi.organizations.entity.Slug;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** Slugs made from names, for organizations created without one. */
public final class Slugs {

    private Slugs() {}

    /**
     * A slug made from a name: accents dropped, every run of anything but letters and digits one
     * hyphen, at most {@value Slug#MAX_LENGTH} characters; shorter than {@value Slug#MIN_LENGTH} (a
     * name in another script, say) gives {@code org}.
     */
    public static String from(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (ascii.length() > Slug.MAX_LENGTH) {
            ascii = ascii.substring(0, Slug.MAX_LENGTH).replaceAll("-+$", "");
        }
        return ascii.length() < Slug.MIN_LENGTH ? "org" : ascii;
    }

    /**
     * {@code base} if it is free, else {@code base-2}, {@code base-3}, ... (shortened to fit), the first
     * that is not in {@code taken}.
     */
    public static String firstFree(String base, Set<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String stem = base.substring(0, Math.min(base.length(), Slug.MAX_LENGTH - suffix.length()));
            String candidate = stem.replaceAll("-+$", "") + suffix;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
