package dev.signet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.platform.crypto.KeyFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code signet platform reseal}: registered, and run against the embedded database of a data directory. */
class ResealCommandTest {
    @TempDir
    Path dir;

    @Test
    void platformReseal_isASubcommand() {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));

        int status = cli.execute("platform", "reseal", "--help");

        assertThat(status).isZero();
        assertThat(out.toString()).contains("Usage: signet platform reseal").contains("SIGNET_ENCRYPTION_KEY");
    }

    @Test
    void run_withTheDataDirectorysKeyFile_reportsWhatItDid() {
        KeyFile.resolve(null, dir, new SecureRandom());
        StringWriter out = new StringWriter();

        int status = ResealCommand.run(Map.of("SIGNET_DATA_DIR", dir.toString()), new PrintWriter(out));

        assertThat(status).isZero();
        assertThat(out.toString()).contains("0 re-sealed").contains("0 that no key opens");
    }

    @Test
    void run_withoutAnyKey_orWithABadOne_namesTheVariable() {
        assertThatThrownBy(() -> ResealCommand.run(
                        Map.of("SIGNET_DATA_DIR", dir.toString()), new PrintWriter(new StringWriter())))
                .hasMessageContaining("SIGNET_ENCRYPTION_KEY is required");
        assertThatThrownBy(() -> ResealCommand.run(
                        Map.of("SIGNET_DATA_DIR", dir.toString(), "SIGNET_ENCRYPTION_KEY", "not-a-key"),
                        new PrintWriter(new StringWriter())))
                .hasMessageContaining("SIGNET_ENCRYPTION_KEY")
                .hasMessageNotContaining("not-a-key");
    }
}
