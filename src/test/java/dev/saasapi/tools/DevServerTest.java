package dev.saasapi.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevServerTest {

    @Test
    void readsDotEnvLikeDockerCompose(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".env");
        Files.writeString(file, """
                # comment
                DATABASE_URL=postgresql://app:p%40ss@localhost:5432/saas
                  JWT_ISSUER = "https://auth.example.com"
                JWT_AUDIENCE='saas-api'
                EMPTY=
                not a setting
                """);

        assertEquals(
                Map.of(
                        "DATABASE_URL",
                        "postgresql://app:p%40ss@localhost:5432/saas",
                        "JWT_ISSUER",
                        "https://auth.example.com",
                        "JWT_AUDIENCE",
                        "saas-api"),
                DevServer.dotEnv(file));
    }

    @Test
    void readsNothingWithoutAFile(@TempDir Path dir) throws Exception {
        assertEquals(Map.of(), DevServer.dotEnv(dir.resolve(".env")));
    }
}
