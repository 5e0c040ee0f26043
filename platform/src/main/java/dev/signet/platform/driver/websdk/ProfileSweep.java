package dev.signet.platform.driver.websdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up after a platform that died without quitting its browsers ({@code kill -9}, OOM kill, power cut): each
 * profile this driver makes holds an owner file naming the platform process (pid and start time); at start the
 * driver finds profiles whose owner is no longer running, kills the processes whose command line names exactly that
 * profile ({@code --user-data-dir=<profile>}, with their descendants) and deletes the profile. A profile without an
 * owner file, or whose owner still runs (another platform sharing the folder), is never touched; nor is any process
 * that does not name a profile being swept.
 */
final class ProfileSweep {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileSweep.class);
    /** The prefix of every profile folder the driver makes. */
    static final String PREFIX = "signet-chromium-";
    /** The owner file inside a profile: {@code pid} and {@code start} lines. */
    static final String OWNER_FILE = "signet-owner";

    private ProfileSweep() {}

    /** An owning process: its pid and when it started (a reused pid has another start time). */
    record Owner(long pid, @Nullable Instant start) {
        static Owner current() {
            ProcessHandle self = ProcessHandle.current();
            return new Owner(self.pid(), self.info().startInstant().orElse(null));
        }

        String text() {
            return "pid=" + pid + "\nstart=" + (start == null ? "" : start.toString()) + "\n";
        }

        static @Nullable Owner parse(String text) {
            Long pid = null;
            Instant start = null;
            for (String line : text.split("\n", -1)) {
                try {
                    if (line.startsWith("pid=")) {
                        pid = Long.parseLong(line.substring(4).strip());
                    } else if (line.startsWith("start=") && !line.substring(6).isBlank()) {
                        start = Instant.parse(line.substring(6).strip());
                    }
                } catch (RuntimeException e) {
                    return null;
                }
            }
            return pid == null ? null : new Owner(pid, start);
        }

        /** Whether this process still runs: the pid is alive and, when known, started at the same instant. */
        boolean running() {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isEmpty() || !handle.get().isAlive()) {
                return false;
            }
            Optional<Instant> started = handle.get().info().startInstant();
            return start == null || started.isEmpty() || started.get().equals(start);
        }
    }

    /** Writes the owner file into a fresh profile. */
    static void claim(Path profile) {
        try {
            Files.writeString(profile.resolve(OWNER_FILE), Owner.current().text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark the browser profile " + profile, e);
        }
    }

    /**
     * Sweeps {@code profiles}: for each profile whose owner is gone, kills its browser processes and deletes it.
     *
     * @return the profiles swept
     */
    static List<Path> sweep(Path profiles) {
        List<Path> swept = new ArrayList<>();
        if (!Files.isDirectory(profiles)) {
            return swept;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(profiles, PREFIX + "*")) {
            for (Path profile : dirs) {
                if (orphaned(profile)) {
                    int killed = Browser.killProcessesUsing(profile);
                    try {
                        Browser.deleteTree(profile);
                    } catch (UncheckedIOException e) {
                        LOG.warn("could not delete the orphaned browser profile {}: {}", profile, e.getMessage());
                        continue;
                    }
                    LOG.info(
                            "removed browser profile {} left by a platform that is gone ({} processes ended)",
                            profile,
                            killed);
                    swept.add(profile);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not look for orphaned browser profiles in {}: {}", profiles, e.getMessage());
        }
        return swept;
    }

    private static boolean orphaned(Path profile) {
        Path file = profile.resolve(OWNER_FILE);
        if (!Files.isDirectory(profile) || !Files.isRegularFile(file)) {
            return false;
        }
        Owner owner;
        try {
            owner = Owner.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return false;
        }
        return owner != null && !owner.running();
    }
}
