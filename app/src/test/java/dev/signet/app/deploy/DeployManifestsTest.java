package dev.signet.app.deploy;

import static dev.signet.app.deploy.Manifests.list;
import static dev.signet.app.deploy.Manifests.ofKind;
import static dev.signet.app.deploy.Manifests.strings;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signet.app.deploy.Manifests.Doc;
import dev.signet.broker.Broker;
import dev.signet.broker.BrokerConfig;
import dev.signet.broker.BrokerSettings;
import dev.signet.platform.Platform;
import dev.signet.platform.PlatformConfig;
import dev.signet.platform.PlatformSettings;
import dev.signet.platform.runtime.RuntimeSettings;
import dev.signet.secrets.Secret;
import dev.signet.secrets.settings.Setting;
import dev.signet.zoom.sdk.SdkCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes manifests in {@code deploy/kubernetes} agree with the code: every variable they set is a declared
 * setting of the deployable the container runs, ports are the ones it listens on, probe paths are routes of the
 * running deployable, the grace period covers the platform's drain, and several replicas mean PostgreSQL. No
 * Kubernetes JSON schema is available offline, so the structure is checked here, not against the API's schema.
 */
class DeployManifestsTest {
    private static final Set<String> PLAIN_ENV = Set.of("JAVA_TOOL_OPTIONS");
    /** Webhook delivery stops within 10 s (WebhookDeliverer.close) and the rest of close() takes a moment. */
    private static final Duration DRAIN_SLACK = Duration.ofSeconds(20);

    private final List<Doc> docs = Manifests.all();

    /** A Signet container of a Deployment: which subcommand it runs, its settings and its env. */
    private record Container(Doc deployment, JsonNode node) {
        String command() {
            return list(node.path("args")).getFirst().asText();
        }

        List<Setting<?>> settings() {
            return switch (command()) {
                case "platform" -> PlatformSettings.ALL;
                case "broker" -> BrokerSettings.ALL;
                default -> throw new AssertionError(deployment + " runs an unknown subcommand " + command());
            };
        }

        Map<String, JsonNode> env() {
            Map<String, JsonNode> env = new LinkedHashMap<>();
            list(node.path("env")).forEach(e -> env.put(e.path("name").asText(), e));
            return env;
        }

        int replicas() {
            return deployment.node().path("spec").path("replicas").asInt(1);
        }

        Map<String, Integer> ports() {
            Map<String, Integer> ports = new HashMap<>();
            list(node.path("ports"))
                    .forEach(p -> ports.put(
                            p.path("name").asText(), p.path("containerPort").asInt()));
            return ports;
        }

        JsonNode probe(String kind) {
            return node.path(kind).path("httpGet");
        }
    }

    private List<Container> signetContainers() {
        List<Container> out = ofKind(docs, "Deployment").stream()
                .flatMap(d -> list(d.node()
                                .path("spec")
                                .path("template")
                                .path("spec")
                                .path("containers"))
                        .stream()
                        .filter(c -> c.path("image").asText().equals("signet"))
                        .map(c -> new Container(d, c)))
                .toList();
        assertThat(out).extracting(Container::command).contains("platform", "broker");
        return out;
    }

    private static Set<String> envNames(List<Setting<?>> settings) {
        return settings.stream().map(Setting::env).collect(Collectors.toSet());
    }

    private static String defaultPort(Setting<Integer> port) {
        return Objects.requireNonNull(port.defaultValue());
    }

    @Test
    void everyVariableSet_isADeclaredSettingOfTheDeployable() {
        for (Container c : signetContainers()) {
            Set<String> declared = envNames(c.settings());
            for (String name : c.env().keySet()) {
                assertThat(declared.contains(name) || PLAIN_ENV.contains(name))
                        .as("%s sets %s, which `signet %s` does not read", c.deployment(), name, c.command())
                        .isTrue();
            }
        }
    }

    @Test
    void containerPorts_areTheOnesTheDeployableListensOn() {
        for (Container c : signetContainers()) {
            Setting<Integer> port = c.command().equals("platform") ? PlatformSettings.PORT : BrokerSettings.PORT;
            JsonNode set = c.env().get(port.env());
            String listening =
                    set == null ? defaultPort(port) : set.path("value").asText();
            assertThat(c.ports()).as("%s ports", c.deployment()).containsEntry("http", Integer.parseInt(listening));
        }
        assertThat(defaultPort(PlatformSettings.PORT)).isEqualTo(String.valueOf(PlatformConfig.DEFAULT_PORT));
    }

    @Test
    void services_targetANamedPortOfTheDeploymentTheySelect() {
        List<Doc> services = ofKind(docs, "Service");
        for (Doc service :
                services.stream().filter(s -> s.name().startsWith("signet-")).toList()) {
            Map<String, String> selector = strings(service.node().path("spec").path("selector"));
            Container target = signetContainers().stream()
                    .filter(c -> labels(c.deployment()).entrySet().containsAll(selector.entrySet()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service + " selects no Signet Deployment"));
            for (JsonNode port : list(service.node().path("spec").path("ports"))) {
                assertThat(target.ports())
                        .as("%s targetPort", service)
                        .containsKey(port.path("targetPort").asText());
            }
        }
    }

    @Test
    void disruptionBudgets_selectADeployment() {
        List<Doc> budgets = ofKind(docs, "PodDisruptionBudget");
        assertThat(budgets).isNotEmpty();
        for (Doc pdb : budgets) {
            Map<String, String> selector =
                    strings(pdb.node().path("spec").path("selector").path("matchLabels"));
            assertThat(ofKind(docs, "Deployment"))
                    .as("%s selects a Deployment", pdb)
                    .anyMatch(d -> labels(d).entrySet().containsAll(selector.entrySet()) && !selector.isEmpty());
        }
    }

    @Test
    void platform_probesReadyzAndHealthz_andItsGraceCoversTheDrain() {
        Container platform = only("platform");
        assertThat(platform.probe("readinessProbe").path("path").asText()).isEqualTo("/readyz");
        assertThat(platform.probe("livenessProbe").path("path").asText()).isEqualTo("/healthz");

        JsonNode pod =
                platform.deployment().node().path("spec").path("template").path("spec");
        long grace = pod.path("terminationGracePeriodSeconds").asLong(30);
        long preStop = preStopSeconds(platform.node());
        Duration drain = RuntimeSettings.defaults(new SdkCredentials("k", Secret.of("s")))
                .shutdownGrace();
        assertThat(Duration.ofSeconds(grace))
                .as(
                        "terminationGracePeriodSeconds covers preStop (%ss) + the bots' drain (%s) + %s",
                        preStop, drain, DRAIN_SLACK)
                .isGreaterThanOrEqualTo(Duration.ofSeconds(preStop).plus(drain).plus(DRAIN_SLACK));
    }

    @Test
    void severalReplicas_runOnPostgresqlWithAKeyFromASecret() {
        for (Container c : signetContainers()) {
            Map<String, JsonNode> env = c.env();
            boolean obf =
                    c.command().equals("broker") && BrokerSettings.OBF.stream().anyMatch(s -> env.containsKey(s.env()));
            if (obf) {
                assertThat(env)
                        .as("%s: OBF needs the user OAuth app", c.deployment())
                        .containsKeys(
                                BrokerSettings.OAUTH_CLIENT_ID.env(),
                                BrokerSettings.OAUTH_CLIENT_SECRET.env(),
                                BrokerSettings.OAUTH_REDIRECT_URL.env());
            }
            boolean stateful = c.command().equals("platform") || obf;
            if (c.replicas() > 1 && stateful) {
                Setting<?> url =
                        c.command().equals("platform") ? PlatformSettings.DATABASE_URL : BrokerSettings.DATABASE_URL;
                Setting<?> key = c.command().equals("platform")
                        ? PlatformSettings.ENCRYPTION_KEY
                        : BrokerSettings.ENCRYPTION_KEY;
                for (Setting<?> needed : List.of(url, key)) {
                    JsonNode set = env.get(needed.env());
                    assertThat(set != null && set.path("valueFrom").has("secretKeyRef"))
                            .as("%s has %d replicas: %s from a Secret", c.deployment(), c.replicas(), needed.env())
                            .isTrue();
                }
                String example = secretValue(Objects.requireNonNull(env.get(url.env()))
                        .path("valueFrom")
                        .path("secretKeyRef"));
                assertThat(example).startsWith("jdbc:postgresql://");
            }
        }
    }

    @Test
    void everySecretReference_isInTheExample_andTheExampleHoldsOnlyPlaceholders() {
        for (Container c : signetContainers()) {
            for (JsonNode e : c.env().values()) {
                JsonNode ref = e.path("valueFrom").path("secretKeyRef");
                if (!ref.isMissingNode()) {
                    assertThat(secretValue(ref))
                            .as("%s: %s", c.deployment(), ref)
                            .isNotEmpty();
                }
            }
        }
        for (Doc secret : ofKind(docs, "Secret")) {
            assertThat(secret.file().getParent().getFileName()).hasToString("examples");
            strings(secret.node().path("stringData"))
                    .forEach((key, value) -> assertThat(value)
                            .as("%s %s must be a placeholder", secret, key)
                            .containsAnyOf("REPLACE-WITH", "example"));
        }
    }

    @Test
    void pods_runAsTheImagesNonRootUser() {
        for (Container c : signetContainers()) {
            JsonNode pod = c.deployment().node().path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean())
                    .isTrue();
            assertThat(pod.path("securityContext").path("runAsUser").asInt()).isEqualTo(ContainerImageTest.USER_ID);
            assertThat(c.node()
                            .path("securityContext")
                            .path("allowPrivilegeEscalation")
                            .asBoolean(true))
                    .isFalse();
        }
    }

    @Test
    @Timeout(60)
    void platformProbePaths_answer200FromARunningPlatform(@TempDir Path data) throws Exception {
        Container platform = only("platform");
        Map<String, String> env = Map.of(
                "SIGNET_PLATFORM_PORT", "0",
                "SIGNET_PLATFORM_HOST", "127.0.0.1",
                "SIGNET_DATA_DIR", data.toString(),
                "SIGNET_API_KEYS", "probe-test-key",
                "SIGNET_EMULATOR_URL", "http://127.0.0.1:9",
                "SIGNET_ZOOM_SDK_KEY", "key",
                "SIGNET_ZOOM_SDK_SECRET", "secret");
        try (Platform running = Platform.start(PlatformConfig.fromEnvironment(env), Clock.systemUTC())) {
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                String path = platform.probe(probe).path("path").asText();
                assertThat(platform.ports())
                        .containsKey(platform.probe(probe).path("port").asText());
                assertThat(get(running.baseUrl().resolve(path)))
                        .as("%s %s", probe, path)
                        .isEqualTo(200);
            }
        }
    }

    @Test
    @Timeout(60)
    void brokerProbePaths_areRoutesOfARunningBroker() throws Exception {
        Container broker = only("broker");
        // Zoom is a closed loopback port: the broker runs, /healthz answers 200 and /readyz 503 (Zoom does not answer).
        Map<String, String> env = Map.of(
                "SIGNET_BROKER_PORT", "0",
                "SIGNET_BROKER_HOST", "127.0.0.1",
                "SIGNET_ZOOM_ACCOUNT_ID", "account",
                "SIGNET_ZOOM_CLIENT_ID", "client",
                "SIGNET_ZOOM_CLIENT_SECRET", "client-secret",
                "SIGNET_BROKER_ZAK_USERS", "bot@example.com",
                "SIGNET_BROKER_SECRETS", "a-query-secret-of-some-length",
                "SIGNET_ZOOM_OAUTH_URL", "http://127.0.0.1:9",
                "SIGNET_ZOOM_API_URL", "http://127.0.0.1:9/v2");
        try (Broker running = Broker.start(BrokerConfig.fromEnvironment(env), Clock.systemUTC())) {
            URI base = URI.create("http://127.0.0.1:" + running.port());
            assertThat(get(base.resolve(
                            broker.probe("livenessProbe").path("path").asText())))
                    .isEqualTo(200);
            assertThat(broker.probe("readinessProbe").path("path").asText()).isEqualTo("/readyz");
            assertThat(get(base.resolve("/readyz"))).isEqualTo(503);
            assertThat(get(base.resolve("/no-such-route"))).isEqualTo(404); // so 200 and 503 above mean routes
        }
    }

    private Container only(String command) {
        List<Container> found = signetContainers().stream()
                .filter(c -> c.command().equals(command))
                .toList();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private String secretValue(JsonNode ref) {
        String name = ref.path("name").asText();
        String key = ref.path("key").asText();
        return ofKind(docs, "Secret").stream()
                .filter(s -> s.name().equals(name))
                .map(s -> s.node().path("stringData").path(key).asText(""))
                .findFirst()
                .orElse("");
    }

    private static Map<String, String> labels(Doc deployment) {
        return strings(
                deployment.node().path("spec").path("template").path("metadata").path("labels"));
    }

    private static long preStopSeconds(JsonNode container) {
        List<JsonNode> command =
                list(container.path("lifecycle").path("preStop").path("exec").path("command"));
        if (command.size() == 2 && command.getFirst().asText().equals("sleep")) {
            return Long.parseLong(command.get(1).asText());
        }
        assertThat(command).as("a preStop other than `sleep N`").isEmpty();
        return 0;
    }

    private static int get(URI uri) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }
}
