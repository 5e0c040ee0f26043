package dev.signet.zoom.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.testkit.MutableClock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "0|2026-01-01T00:00:00Z",
                "120|2026-01-01T00:02:00Z",
                " 5 |2026-01-01T00:00:05Z",
                "2026-01-01T00:00:30Z|2026-01-01T00:00:30Z",
                "2026-01-01T05:30:30+05:30|2026-01-01T00:00:30Z",
                "2025-12-31T19:00:30-05:00|2026-01-01T00:00:30Z",
                "2026-01-01T00:00:30|2026-01-01T00:00:30Z",
                "2026-01-01T00:00:30.250|2026-01-01T00:00:30.250Z",
                "Thu, 01 Jan 2026 00:01:00 GMT|2026-01-01T00:01:00Z",
                "Wed, 31 Dec 2025 23:59:00 GMT|2025-12-31T23:59:00Z",
                "null|null",
                "''|null",
                "soon|null",
                "-1|null",
                "1.5|null",
                "99999999999999|null",
                "40000000|null",
                "2026-13-01T00:00:00Z|null",
                "Thu, 32 Jan 2026 00:01:00 GMT|null"
            })
    void parse_readsEveryForm(@Nullable String header, @Nullable String expected) {
        Instant at = RetryAfter.parse(header, clock);

        assertThat(at).isEqualTo(expected == null ? null : Instant.parse(expected));
    }
}
