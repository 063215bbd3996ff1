package dev.saasapi.platform.migrations.control;

import dev.saasapi.platform.config.control.Environment;
import dev.saasapi.platform.config.control.InvalidConfigurationException;
import dev.saasapi.platform.config.control.Settings;
import dev.saasapi.platform.persistence.control.DatabaseUrl;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import liquibase.Contexts;
import liquibase.Liquibase;

/**
 * The migrations from the command line, against the same {@code DATABASE_URL} the application
 * uses: {@code ./mvnw compile exec:java@db -Ddb.command=update} (see the README for the commands).
 * It runs outside the server, without MicroProfile Config, so it reads the environment (or the
 * matching system properties) and checks the values as the server does.
 */
@SuppressWarnings("deprecation")
public final class DatabaseMigrationsCommand {

    private DatabaseMigrationsCommand() {}

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 || args[0] == null || args[0].isBlank() ? "status" : args[0].strip();
        Settings settings = Environment.settings();
        DatabaseUrl url = DatabaseUrl.parse(settings.value(DatabaseUrl.VARIABLE)
                .orElseThrow(() -> new InvalidConfigurationException(
                        DatabaseUrl.VARIABLE + " is not set: point it at the database to migrate")));
        int lockWait = DatabaseMigrations.lockWaitSeconds(settings);
        var out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        try (Connection connection = url.connect()) {
            switch (command) {
                case "update" -> DatabaseMigrations.update(connection, lockWait);
                case "rollback" ->
                    DatabaseMigrations.migrate(
                            connection,
                            lockWait,
                            liquibase -> liquibase.rollback(Integer.getInteger("db.count", 1), (String) null));
                case "rollback-all" ->
                    DatabaseMigrations.migrate(
                            connection, lockWait, liquibase -> liquibase.rollback(Integer.MAX_VALUE, (String) null));
                case "status", "release-locks", "validate" -> {
                    try (Liquibase liquibase = DatabaseMigrations.open(connection)) {
                        switch (command) {
                            case "status" -> liquibase.reportStatus(true, new Contexts(), out);
                            case "release-locks" -> liquibase.forceReleaseLocks();
                            default -> liquibase.validate();
                        }
                    }
                }
                default ->
                    throw new IllegalArgumentException(
                            "unknown db.command '" + command
                                    + "'; use update, status, rollback (-Ddb.count=N), rollback-all, release-locks or validate");
            }
            out.flush();
            System.out.println("db " + command + ": done");
        }
    }
}
