package dev.signet.platform.driver.websdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up sweep after a {@code kill -9}: real processes stand in for browsers (a shell whose command line names
 * a profile, with a child), so the test shows which ones end and which are left alone.
 */
@Timeout(60)
class ProfileSweepTest {
    @TempDir
    Path profiles;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        started.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
    }

    /** A stand-in browser: {@code bash -c 'sleep 600; true' browser --user-data-dir=<profile>}, with a sleep child. */
    private Process browser(Path profile) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "sleep 600; true", "browser", "--user-data-dir=" + profile)
                .redirectErrorStream(true)
                .start();
        started.add(p);
        return p;
    }

    private Path profile(String name, ProfileSweep.Owner owner) throws Exception {
        Path dir = Files.createDirectories(profiles.resolve(ProfileSweep.PREFIX + name));
        Files.writeString(dir.resolve(ProfileSweep.OWNER_FILE), owner.text(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("Local State"), "{}", StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void sweep_endsTheBrowsersOfProfilesWhoseOwnerIsGone_andLeavesEverythingElse() throws Exception {
        Path deadOwner = profile("dead", new ProfileSweep.Owner(4_194_000_000L, null));
        ProfileSweep.Owner self = ProfileSweep.Owner.current();
        Path reusedPid = profile("reused", new ProfileSweep.Owner(self.pid(), Instant.EPOCH));
        Path liveOwner = profile("live", self);
        Path unmarked = Files.createDirectories(profiles.resolve(ProfileSweep.PREFIX + "unmarked"));
        Path elsewhere = Files.createDirectories(profiles.resolve("someone-else"));
        Process orphan = browser(deadOwner);
        Process orphanOfReusedPid = browser(reusedPid);
        Process running = browser(liveOwner);
        Process unowned = browser(unmarked);
        Process other = browser(elsewhere);
        List<ProcessHandle> orphanChildren = awaitChild(orphan);

        List<Path> swept = ProfileSweep.sweep(profiles);

        assertThat(swept).containsExactlyInAnyOrder(deadOwner, reusedPid);
        assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(orphanOfReusedPid.waitFor(10, TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle child : orphanChildren) {
            assertThat(child.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
        }
        assertThat(deadOwner).doesNotExist();
        assertThat(reusedPid).doesNotExist();
        assertThat(running.isAlive()).isTrue();
        assertThat(unowned.isAlive()).isTrue();
        assertThat(other.isAlive()).isTrue();
        assertThat(liveOwner).isDirectory();
        assertThat(unmarked).isDirectory();
        assertThat(elsewhere).isDirectory();
    }

    @Test
    void sweep_missingFolder_isNothingToDo() {
        assertThat(ProfileSweep.sweep(profiles.resolve("absent"))).isEmpty();
    }

    @Test
    void owner_roundTripsThroughItsFile() {
        ProfileSweep.Owner self = ProfileSweep.Owner.current();

        assertThat(ProfileSweep.Owner.parse(self.text())).isEqualTo(self);
        assertThat(self.running()).isTrue();
        assertThat(ProfileSweep.Owner.parse("garbage")).isNull();
    }

    /** The shell's sleep child, once it exists (the shell forks it right after starting). */
    private static List<ProcessHandle> awaitChild(Process shell) throws Exception {
        for (int i = 0; i < 200; i++) {
            List<ProcessHandle> children = shell.children().toList();
            if (!children.isEmpty()) {
                return children;
            }
            shell.onExit().completeOnTimeout(shell, 50, TimeUnit.MILLISECONDS).get();
        }
        throw new AssertionError("the stand-in browser started no child");
    }
}
