package dev.signet.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides whether a test that needs an outside service (PostgreSQL, Chromium) runs, skips or fails.
 *
 * <p>With {@code SIGNET_REQUIRE_SERVICES=1} (set by {@code .ci/run}) a missing service fails the test;
 * otherwise the test is skipped with one line saying how to enable it.
 */
public final class Services {
    /** JDBC URL of the PostgreSQL used by tests; {@code SIGNET_TEST_POSTGRES_URL} overrides it. */
    public static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private Services() {}

    /** Whether {@code SIGNET_REQUIRE_SERVICES} asks for missing services to fail tests. */
    public static boolean required() {
        String value = System.getenv("SIGNET_REQUIRE_SERVICES");
        return value != null
                && !value.isBlank()
                && !value.trim().equals("0")
                && !value.trim().toLowerCase(Locale.ROOT).equals("false");
    }

    /** The PostgreSQL JDBC URL tests use. */
    public static String postgresUrl() {
        String url = System.getenv("SIGNET_TEST_POSTGRES_URL");
        return url == null || url.isBlank() ? DEFAULT_POSTGRES_URL : url;
    }

    /** Skips (or, when services are required, fails) the calling test unless PostgreSQL answers. */
    public static void assumePostgres() {
        try (Connection connection = DriverManager.getConnection(postgresUrl())) {
            if (!connection.isValid(5)) {
                unavailable("PostgreSQL at " + postgresUrl(), "connection not valid");
            }
        } catch (SQLException e) {
            unavailable("PostgreSQL at " + postgresUrl(), String.valueOf(e.getMessage()));
        }
    }

    /** Debian's Chromium; {@code SIGNET_CHROMIUM} overrides it. */
    public static Path chromium() {
        String path = System.getenv("SIGNET_CHROMIUM");
        return Path.of(path == null || path.isBlank() ? "/usr/bin/chromium" : path);
    }

    /** Debian's chromedriver; {@code SIGNET_CHROMEDRIVER} overrides it. */
    public static Path chromedriver() {
        String path = System.getenv("SIGNET_CHROMEDRIVER");
        return Path.of(path == null || path.isBlank() ? "/usr/bin/chromedriver" : path);
    }

    /**
     * Skips (or, when services are required, fails) the calling test unless Chromium and chromedriver are installed
     * ({@code apt-get install chromium chromium-driver}).
     */
    public static void assumeChromium() {
        for (Path binary : new Path[] {chromium(), chromedriver()}) {
            if (!Files.isExecutable(binary)) {
                unavailable(
                        "Chromium (" + binary + ")",
                        "not installed; apt-get install chromium chromium-driver, or set SIGNET_CHROMIUM and"
                                + " SIGNET_CHROMEDRIVER");
            }
        }
    }

    /** Skips or fails the calling test because {@code what} is unavailable. */
    public static void unavailable(String what, String why) {
        String message = what + " is not available (" + why + ")";
        if (required()) {
            throw new AssertionError(message + " and SIGNET_REQUIRE_SERVICES=1 requires it");
        }
        Assumptions.abort(message + "; start it (or set SIGNET_REQUIRE_SERVICES=1 to make this a failure)");
    }
}
