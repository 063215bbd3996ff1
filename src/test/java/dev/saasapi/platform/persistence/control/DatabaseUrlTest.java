package dev.saasapi.platform.persistence.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.saasapi.platform.config.control.InvalidConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @Test
    void readsTheFastApiTemplateForm() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql+psycopg://app:secret@db.internal:5433/saas");

        assertEquals(new DatabaseUrl("jdbc:postgresql://db.internal:5433/saas", "app", "secret"), url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "postgres://app:secret@db/saas",
                "postgresql://app:secret@db/saas",
                "postgresql+asyncpg://app:secret@db/saas",
                "POSTGRESQL://app:secret@db/saas"
            })
    void acceptsEverySchemeSpellingAndDefaultsThePort(String value) {
        assertEquals(new DatabaseUrl("jdbc:postgresql://db:5432/saas", "app", "secret"), DatabaseUrl.parse(value));
    }

    @Test
    void takesCredentialsOutOfTheQueryOfTheUrlForm() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://db/saas?user=app&sslmode=require&password=hunter%232");
        assertEquals(new DatabaseUrl("jdbc:postgresql://db:5432/saas?sslmode=require", "app", "hunter#2"), url);
        assertFalse(url.toString().contains("hunter"), url.toString());
        assertEquals(
                new DatabaseUrl("jdbc:postgresql://db:5432/saas", "other", "other"),
                DatabaseUrl.parse("postgresql://owner:pw@db/saas?user=other&password=other"),
                "the query wins, as in libpq");
        assertFalse(DatabaseUrl.parse("postgresql://a:b@db/saas?sslpassword=k3y-secret")
                .toString()
                .contains("k3y"));
    }

    @Test
    void decodesPercentEncodedCredentialsAndKeepsPlusLiteral() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://us%40er:p%40ss%3Aw%2Fo+rd%20x@db:5432/saas");

        assertEquals("us@er", url.user());
        assertEquals("p@ss:w/o+rd x", url.password());
    }

    @Test
    void keepsQueryParametersSuchAsSslMode() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:secret@db:5432/saas?sslmode=require&connectTimeout=3");

        assertEquals("jdbc:postgresql://db:5432/saas?sslmode=require&connectTimeout=3", url.jdbcUrl());
    }

    @Test
    void movesCredentialsOutOfAJdbcUrl() {
        DatabaseUrl url =
                DatabaseUrl.parse("jdbc:postgresql://db:5432/saas?user=app&sslmode=require&password=s%26cret");

        assertEquals(new DatabaseUrl("jdbc:postgresql://db:5432/saas?sslmode=require", "app", "s&cret"), url);
    }

    @Test
    void takesAJdbcUrlWithoutCredentialsAsItIs() {
        assertEquals(
                new DatabaseUrl("jdbc:postgresql://db/saas", "", ""), DatabaseUrl.parse("jdbc:postgresql://db/saas"));
    }

    @Test
    void acceptsHostNamesWithUnderscoresAsComposeServicesHave() {
        assertEquals(
                new DatabaseUrl("jdbc:postgresql://test_db:5432/saas_test", "app", "secret"),
                DatabaseUrl.parse("postgresql://app:secret@test_db:5432/saas_test"));
        assertEquals(
                "jdbc:postgresql://test_db:5432/saas",
                DatabaseUrl.parse("postgres://test_db/saas").jdbcUrl());
    }

    @Test
    void acceptsIpv6Hosts() {
        assertEquals(
                "jdbc:postgresql://[::1]:5432/saas",
                DatabaseUrl.parse("postgresql://a:b@[::1]/saas").jdbcUrl());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mysql://app:hunter2@db/saas",
                "postgresql://app:hunter2@/saas",
                "postgresql://app:hunter2@db",
                "postgresql://app:hunter2@db/",
                "not a url hunter2",
                "postgresql://app:hun ter2@db/x",
                "postgresql://app:hunter2@db:notaport/saas",
                "postgresql://app:hunter2@db:99999/saas",
                "jdbc:postgresql://db/saas?user=app&password=hunter2%zz",
                "  "
            })
    void rejectsMalformedUrlsNamingTheVariableButNeverThePassword(String value) {
        InvalidConfigurationException e =
                assertThrows(InvalidConfigurationException.class, () -> DatabaseUrl.parse(value));

        assertTrue(e.getMessage().startsWith("DATABASE_URL"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertFalse(e.getMessage().contains("hun ter2"), e.getMessage());
    }

    @Test
    void neverPrintsThePassword() {
        assertFalse(
                DatabaseUrl.parse("postgresql://app:hunter2@db/saas").toString().contains("hunter2"));
    }
}
