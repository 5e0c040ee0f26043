package dev.signet.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
    static final Instant T = Instant.parse("2026-12-04T15:00:00.123Z");

    static TimeOrderedIds at(Instant instant) {
        return new TimeOrderedIds(Clock.fixed(instant, ZoneOffset.UTC), new SecureRandom());
    }

    @Test
    void uuid_isVersion7WithTheClocksMillisecondsFirst() {
        UUID id = at(T).uuid();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(T.toEpochMilli());
        assertThat(id.toString()).startsWith("01a24191-"); // 0x01a24191bdfb is 2026-12-04T15:00:00.123Z in ms
    }

    @Test
    void uuids_ofOneMillisecondDiffer_andLaterOnesSortAfter() {
        TimeOrderedIds ids = at(T);
        Set<UUID> same = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            same.add(ids.uuid());
        }
        assertThat(same).hasSize(10_000);

        UUID later = at(T.plusMillis(1)).uuid();
        assertThat(same).allSatisfy(id -> assertThat(id.toString()).isLessThan(later.toString()));
    }

    @Test
    void messageId_isMsgThenTwelveHexDigitsOfTimeThenRandom() {
        String id = at(T).messageId();

        assertThat(id).matches("msg_[0-9a-f]{12}[A-Za-z0-9_-]{16}");
        assertThat(Long.parseLong(id.substring(4, 16), 16)).isEqualTo(T.toEpochMilli());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(at(T).messageId());
        }
        assertThat(new HashSet<>(ids)).hasSize(1_000);
        assertThat(at(T.plusMillis(1)).messageId()).isGreaterThan(ids.getFirst());
    }
}
