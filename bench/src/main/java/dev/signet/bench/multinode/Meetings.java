package dev.signet.bench.multinode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.bench.platform.Http;
import dev.signet.emulator.seed.DemoSeed;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The run's open meetings in the emulator, started by their host, and who is in them. */
final class Meetings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http http;
    private final String emulatorUrl;
    private final List<Long> ids;

    private Meetings(Http http, String emulatorUrl, List<Long> ids) {
        this.http = http;
        this.emulatorUrl = emulatorUrl;
        this.ids = ids;
    }

    /** Seeds {@code count} open meetings (anyone may join, no waiting room) and starts each. */
    static Meetings seed(Http http, String emulatorUrl, int count) throws IOException, InterruptedException {
        StringBuilder meetings = new StringBuilder();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = 8_200_000_000L + i;
            ids.add(id);
            meetings.append(i == 0 ? "" : ",")
                    .append("{\"id\":")
                    .append(id)
                    .append(",\"host\":\"")
                    .append(DemoSeed.HOST_EMAIL)
                    .append("\",\"topic\":\"multinode ")
                    .append(id)
                    .append("\",\"capacity\":300,\"settings\":{\"meeting_authentication\":false,")
                    .append("\"waiting_room\":false,\"join_before_host\":false}}");
        }
        String seed = "{\"accounts\":[{\"id\":\"" + DemoSeed.ACME_ACCOUNT_ID
                + "\",\"name\":\"Acme\",\"plan\":\"business\",\"meetings\":[" + meetings + "]}]}";
        http.send("POST", emulatorUrl + "/emulator/admin/seed", seed, null, Http.SUCCESS);
        for (long id : ids) {
            http.send("POST", emulatorUrl + "/emulator/meetings/" + id + "/start", "{}", null, Http.SUCCESS);
        }
        return new Meetings(http, emulatorUrl, List.copyOf(ids));
    }

    List<Long> ids() {
        return ids;
    }

    /** Who is in the meetings now: display names in meeting, and those present more than once. */
    record Presence(int present, Map<String, Integer> duplicates) {}

    /** Reads every meeting's participants; a name in one meeting more than once is a duplicate join. */
    Presence presence(String namePrefix) throws IOException, InterruptedException {
        int present = 0;
        Map<String, Integer> duplicates = new HashMap<>();
        for (long id : ids) {
            JsonNode meeting =
                    JSON.readTree(http.send("GET", emulatorUrl + "/emulator/meetings/" + id, null, null, 200));
            Map<String, Integer> names = new HashMap<>();
            for (JsonNode p : meeting.path("participants")) {
                String name = p.path("display_name").asText();
                if (p.path("status").asText().equals("in_meeting") && name.startsWith(namePrefix)) {
                    present++;
                    names.merge(name, 1, Integer::sum);
                }
            }
            names.forEach((name, n) -> {
                if (n > 1) {
                    duplicates.put(id + "/" + name, n);
                }
            });
        }
        return new Presence(present, duplicates);
    }
}
