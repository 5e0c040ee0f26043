package dev.signet.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.secrets.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {
    @TempDir
    Path dir;

    final SecureRandom random = new SecureRandom();

    @Test
    void resolve_withoutConfiguredKey_generatesAnOwnerOnlyFile_once() throws Exception {
        Path data = dir.resolve("data");

        Secret first = KeyFile.resolve(null, data, random);
        Secret again = KeyFile.resolve(null, data, random);

        Path file = data.resolve(KeyFile.NAME);
        assertThat(again.reveal()).isEqualTo(first.reveal());
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(first.reveal());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
        SecretBox.of(first, random); // a usable key
    }

    @Test
    void resolve_configured_winsAndWritesNothing() {
        Secret configured = SecretBox.generateKey(random);

        assertThat(KeyFile.resolve(configured, dir, random)).isSameAs(configured);
        assertThat(dir.resolve(KeyFile.NAME)).doesNotExist();
    }

    /** Two starts racing on one data directory: the key on disk is never replaced, and both use it. */
    @Test
    void resolve_racingStarts_allGetTheKeyOnDisk() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path data = dir.resolve("race-" + round);
            int threads = 8;
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Secret>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                for (int i = 0; i < threads; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return KeyFile.resolve(null, data, random);
                    }));
                }
            }
            String onDisk = Files.readString(data.resolve(KeyFile.NAME), StandardCharsets.UTF_8);
            for (Future<Secret> result : results) {
                assertThat(result.get().reveal()).isEqualTo(onDisk);
            }
        }
    }
}
