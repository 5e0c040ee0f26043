package dev.signet.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 is one node's database: a second {@code signet platform} process on the same data directory is
 * refused with one line that says why and what to do instead (issue 11), and the first keeps running.
 */
@Timeout(180)
class EmbeddedDatabaseLockIT {
    @TempDir
    Path dir;

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("SIGNET_PLATFORM_HOST", "127.0.0.1");
        env.put("SIGNET_PLATFORM_PORT", "0");
        env.put("SIGNET_API_KEYS", "lock-test-key");
        env.put("SIGNET_DATA_DIR", dir.resolve("data").toString());
        env.put("SIGNET_ZOOM_SDK_KEY", "sdk-key");
        env.put("SIGNET_ZOOM_SDK_SECRET", "sdk-secret-value");
        env.put("SIGNET_EMULATOR_URL", "http://127.0.0.1:9");
        return env;
    }

    @Test
    void secondProcessOnTheSameData_isRefusedWithOneClearLine() throws Exception {
        try (PlatformProcess first = PlatformProcess.start("first", env(), dir)) {
            Path jar = Path.of(System.getProperty("signet.jar", "target/signet.jar"));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder builder =
                    new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", jar.toString(), "platform");
            builder.environment().keySet().removeIf(k -> k.startsWith("SIGNET_"));
            builder.environment().putAll(env());
            Path err = dir.resolve("second.err");
            builder.redirectError(err.toFile());
            builder.redirectOutput(dir.resolve("second.out").toFile());
            Process second = builder.start();

            assertThat(second.waitFor(120, TimeUnit.SECONDS))
                    .as("the second process exits")
                    .isTrue();
            assertThat(second.exitValue()).isNotZero();
            List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank())
                    .toList();
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0))
                    .startsWith("signet platform: could not start: the embedded database")
                    .contains("in use by another signet platform process")
                    .contains("SIGNET_DATABASE_URL")
                    .doesNotContain("Exception");
            assertThat(first.process.isAlive())
                    .as("the first process keeps running")
                    .isTrue();
        }
    }
}
