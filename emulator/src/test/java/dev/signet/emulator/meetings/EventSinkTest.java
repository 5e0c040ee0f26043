package dev.signet.emulator.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The queue between a meeting and one event stream: no item lost or reordered, no wake-up lost, a bounded backlog. */
@Timeout(60)
class EventSinkTest {
    private static final int PRODUCERS = 4;
    private static final int EACH = 10_000;

    @Test
    void concurrentPushes_reachTheReaderComplete_andInEachWritersOrder() throws Exception {
        EventSink sink = new EventSink(new AtomicLong(100_000));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<List<String>> reader = pool.submit(() -> read(sink, PRODUCERS * EACH));
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < PRODUCERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < EACH; i++) {
                        sink.push(event(writer + ":" + i));
                    }
                }));
            }
            for (Future<?> w : writers) {
                w.get();
            }
            List<String> got = reader.get();
            assertThat(got).hasSize(PRODUCERS * EACH);
            int[] next = new int[PRODUCERS];
            for (String id : got) {
                String[] parts = id.split(":", -1);
                int writer = Integer.parseInt(parts[0]);
                assertThat(Integer.parseInt(parts[1]))
                        .as("writer %d's order", writer)
                        .isEqualTo(next[writer]++);
            }
        }
    }

    @Test
    void aReaderFarBehind_isCut_andLaterEventsAreDropped() throws Exception {
        EventSink sink = new EventSink(new AtomicLong());
        for (int i = 0; i < EventSink.LIMIT - 1; i++) {
            sink.push(event("p" + i));
        }
        assertThat(sink.take().overflowed()).isFalse();
        for (int i = 0; i < EventSink.LIMIT + 1; i++) {
            sink.push(event("q" + i));
        }
        sink.push(event("late"));
        sink.close();

        assertThat(sink.await(Duration.ofHours(1))).isTrue();
        EventSink.Batch cut = sink.take();
        assertThat(cut.overflowed()).isTrue();
        assertThat(cut.events()).isEmpty();
    }

    @Test
    void await_answersFalseWhenNothingCame_andTrueOnceSomethingIs() throws Exception {
        EventSink sink = new EventSink(new AtomicLong());
        assertThat(sink.await(Duration.ofMillis(1))).isFalse();
        sink.push(event("a"));
        sink.close();
        sink.push(event("after the close"));
        assertThat(sink.await(Duration.ofHours(1))).isTrue();
        EventSink.Batch batch = sink.take();
        assertThat(batch.closed()).isTrue();
        assertThat(batch.overflowed()).isFalse();
        assertThat(batch.events()).extracting(EventSinkTest::id).containsExactly("a");
    }

    /** Reads like an event stream (wait, take everything, rest a little) until {@code count} events came. */
    private static List<String> read(EventSink sink, int count) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        while (ids.size() < count) {
            if (!sink.await(Duration.ofHours(1))) {
                continue;
            }
            EventSink.Batch batch = sink.take();
            assertThat(batch.overflowed()).isFalse();
            batch.events().forEach(e -> ids.add(id(e)));
            sink.rest();
        }
        return ids;
    }

    private static String id(OutgoingEvent event) {
        return ((MeetingEvent.Joined) event.event()).participant().participantId();
    }

    private static OutgoingEvent event(String id) {
        return new OutgoingEvent(
                new MeetingEvent.Joined(new ParticipantInfo(id, "bot " + id, null, null, false, Role.ATTENDEE)));
    }
}
