package dev.saasapi.organizations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.organizations.entity.Slug;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void makesASlugFromANameWithoutAccentsOrPunctuation() {
        assertEquals("arger-sohne-gmbh", Slugs.from("  Ärger & Söhne GmbH!  "));
        assertEquals("acme-2024", Slugs.from("ACME 2024"));
        assertEquals("org", Slugs.from("日本"));
        assertEquals("org", Slugs.from("A."));
    }

    @Test
    void cutsLongNamesWithoutATrailingHyphen() {
        String slug = Slugs.from("a".repeat(39) + " b");
        assertEquals("a".repeat(39), slug);
    }

    @Test
    void numbersATakenSlugAndKeepsItWithinForty() {
        assertEquals("acme", Slugs.firstFree("acme", Set.of()));
        assertEquals("acme-2", Slugs.firstFree("acme", Set.of("acme")));
        assertEquals("acme-3", Slugs.firstFree("acme", Set.of("acme", "acme-2")));
        String long40 = "b".repeat(40);
        String numbered = Slugs.firstFree(long40, Set.of(long40));
        assertEquals("b".repeat(38) + "-2", numbered);
    }

    @Property
    void everyNameGivesAValidSlug(@ForAll String name) {
        String slug = Slugs.from(name);
        assertTrue(Slug.FORM.matcher(slug).matches(), slug);
        assertTrue(Slug.FORM.matcher(Slugs.firstFree(slug, Set.of(slug))).matches(), slug);
    }
}
