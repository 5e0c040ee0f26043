package dev.signet.emulator.join;

import static dev.signet.emulator.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.emulator.Fixture;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Joins racing for the last seats of a meeting: the capacity holds, and every answer is a join or a 4005. */
@Timeout(60)
class ConcurrentJoinTest {
    private static final long TINY = 81200000002L;

    private final Fixture f = Fixture.demo();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void racingJoins_neverExceedCapacity() throws Exception {
        f.http.postJson(
                "/emulator/admin/seed",
                "{\"accounts\":[{\"id\":\"acme-account\",\"name\":\"Acme\",\"meetings\":" + "[{\"id\":" + TINY
                        + ",\"host\":\"u-hana-host\",\"topic\":\"Tiny\",\"capacity\":10}]}]}");
        f.startAsHost(TINY);
        String signature = f.acmeSignature(TINY, 0);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 40; i++) {
                String name = "bot " + i;
                answers.add(pool.submit(() -> f.join(TINY, "signature", signature, "display_name", name)));
            }
        }

        int joined = 0;
        int full = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> r = answer.get();
            if (r.statusCode() == 200) {
                joined++;
            } else {
                assertThat(r.body())
                        .isEqualTo("{\"error_code\":4005,\"reason\":\"The meeting has reached its capacity.\"}");
                full++;
            }
        }
        assertThat(joined).isEqualTo(9);
        assertThat(full).isEqualTo(31);
        assertThat(json(f.http.get("/emulator/meetings/" + TINY))
                        .get("participants")
                        .size())
                .isEqualTo(10);
    }
}
