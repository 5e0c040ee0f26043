package dev.signet.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.app.Main;
import dev.signet.broker.BrokerSettings;
import dev.signet.platform.PlatformConfig;
import dev.signet.platform.PlatformSettings;
import dev.signet.secrets.settings.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The container image agrees with the code: the Jib configuration in {@code app/pom.xml} (profile {@code image}) and,
 * when CI has built it offline on the empty base ({@code -Dimage.base=scratch jib:buildTar}), the image tarball
 * itself — entrypoint, user, ports, environment and the classpath its layers hold.
 */
class ContainerImageTest {
    /** The base image's {@code signet} user (deploy/image/Dockerfile). */
    static final int USER_ID = 10001;

    private static final String CLASSPATH_FILE = "/app/jib-classpath-file";
    private static final List<String> ENTRYPOINT =
            List.of("/usr/bin/tini", "--", "java", "-cp", "@" + CLASSPATH_FILE, Main.class.getName());

    /** The image's configuration as Jib is told it in the pom. */
    private record Config(
            List<String> entrypoint, List<String> args, String user, Set<Integer> ports, Map<String, String> env) {}

    private static Config fromPom() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = factory.newDocumentBuilder()
                .parse(Manifests.deployDir().resolveSibling("app/pom.xml").toFile())
                .getDocumentElement();
        Element jib = null;
        for (Element profile : children(child(root, "profiles"), "profile")) {
            if (text(child(profile, "id")).equals("image")) {
                jib = children(child(child(profile, "build"), "plugins"), "plugin").stream()
                        .filter(p -> text(child(p, "artifactId")).equals("jib-maven-plugin"))
                        .findFirst()
                        .orElseThrow();
            }
        }
        Element container = child(child(Objects.requireNonNull(jib, "profile image"), "configuration"), "container");
        Set<Integer> ports = new HashSet<>();
        children(child(container, "ports"), "port").forEach(p -> ports.add(Integer.parseInt(text(p))));
        Map<String, String> env = new LinkedHashMap<>();
        children(child(container, "environment"), null).forEach(e -> env.put(e.getTagName(), text(e)));
        return new Config(
                children(child(container, "entrypoint"), "arg").stream()
                        .map(ContainerImageTest::text)
                        .toList(),
                children(child(container, "args"), "arg").stream()
                        .map(ContainerImageTest::text)
                        .toList(),
                text(child(container, "user")),
                ports,
                env);
    }

    @Test
    void jibConfiguration_runsMainAsANonRootUserOnTheDeployablesPorts() throws Exception {
        assertImage(fromPom());
    }

    @Test
    void imageTarball_builtByJib_matchesTheCode() throws Exception {
        Path tar = Manifests.deployDir().resolveSibling("app/target/jib-image.tar");
        assumeTrue(
                Files.isRegularFile(tar) || System.getenv("SIGNET_REQUIRE_IMAGE") != null,
                "no app/target/jib-image.tar: build it with mvn -Pimage -pl app jib:buildTar -Dimage.base=scratch");
        Map<String, byte[]> files = untar(Files.readAllBytes(tar), false);
        ObjectMapper json = new ObjectMapper();
        JsonNode manifest = json.readTree(files.get("manifest.json")).get(0);
        JsonNode config =
                json.readTree(files.get(manifest.path("Config").asText())).path("config");

        Map<String, String> env = new LinkedHashMap<>();
        config.path("Env")
                .forEach(e -> env.put(e.asText().split("=", 2)[0], e.asText().split("=", 2)[1]));
        Set<Integer> ports = new HashSet<>();
        config.path("ExposedPorts")
                .fieldNames()
                .forEachRemaining(p -> ports.add(Integer.parseInt(p.substring(0, p.indexOf('/')))));
        assertImage(new Config(
                strings(config.path("Entrypoint")),
                strings(config.path("Cmd")),
                config.path("User").asText(),
                ports,
                env));

        // Every classpath entry is a file in the layers, and the main class is among them.
        Map<String, byte[]> layers = new HashMap<>();
        for (JsonNode layer : manifest.path("Layers")) {
            layers.putAll(untar(files.get(layer.asText()), true));
        }
        String classpath = new String(layers.get(CLASSPATH_FILE.substring(1)), StandardCharsets.UTF_8).strip();
        for (String entry : classpath.split(":", -1)) {
            String path = entry.endsWith("/*") ? entry.substring(0, entry.length() - 1) : entry;
            assertThat(layers.keySet()).as("classpath entry %s", entry).anyMatch(f -> ("/" + f).startsWith(path));
        }
        assertThat(layers).containsKey("app/classes/" + Main.class.getName().replace('.', '/') + ".class");
        assertThat(layers.keySet()).anyMatch(f -> f.matches("app/libs/signet-platform-.*\\.jar"));
    }

    private static void assertImage(Config image) {
        assertThat(image.entrypoint()).isEqualTo(ENTRYPOINT);
        assertThat(Main.commandLine().getSubcommands()).containsKey(image.args().getFirst());
        assertThat(image.args()).containsExactly("platform");
        assertThat(image.user()).isEqualTo(USER_ID + ":" + USER_ID);
        assertThat(image.ports())
                .containsExactlyInAnyOrder(
                        PlatformConfig.DEFAULT_PORT,
                        Integer.parseInt(Objects.requireNonNull(BrokerSettings.PORT.defaultValue())));
        assertThat(image.env()).containsEntry("SE_OFFLINE", "true").containsKey("JAVA_TOOL_OPTIONS");
        Set<String> platform =
                new HashSet<>(PlatformSettings.ALL.stream().map(Setting::env).toList());
        for (String name : image.env().keySet()) {
            assertThat(!name.startsWith("SIGNET_") || platform.contains(name))
                    .as("the image sets %s, which the platform does not read", name)
                    .isTrue();
            // Any OBF setting in the image would switch every broker's OBF side on (ObfConfig.from).
            assertThat(BrokerSettings.OBF).extracting(Setting::env).doesNotContain(name);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The regular files of a (gzipped) ustar/pax tar, by path without a leading {@code ./} or {@code /}. */
    private static Map<String, byte[]> untar(byte[] bytes, boolean gzipped) throws IOException {
        byte[] raw = bytes;
        if (gzipped) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                raw = in.readAllBytes();
            }
        }
        Map<String, byte[]> files = new HashMap<>();
        String longName = null;
        int at = 0;
        while (at + 512 <= raw.length && raw[at] != 0) {
            String name = field(raw, at, 100);
            String prefix = field(raw, at + 345, 155);
            long size = Long.parseLong(
                    field(raw, at + 124, 12).strip().isEmpty()
                            ? "0"
                            : field(raw, at + 124, 12).strip(),
                    8);
            char type = (char) raw[at + 156];
            int body = at + 512;
            if (type == 'x') {
                longName = paxPath(new String(raw, body, (int) size, StandardCharsets.UTF_8));
            } else if (type == '0' || type == 0) {
                String path = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
                files.put(
                        path.replaceFirst("^\\./|^/", ""), java.util.Arrays.copyOfRange(raw, body, body + (int) size));
                longName = null;
            } else {
                longName = null;
            }
            at = body + (int) ((size + 511) / 512 * 512);
        }
        return files;
    }

    private static String paxPath(String records) {
        return Stream.of(records.split("\n"))
                .map(r -> r.substring(r.indexOf(' ') + 1))
                .filter(r -> r.startsWith("path="))
                .map(r -> r.substring("path=".length()))
                .findFirst()
                .orElse(null);
    }

    private static String field(byte[] raw, int offset, int length) {
        int end = offset;
        while (end < offset + length && raw[end] != 0) {
            end++;
        }
        return new String(raw, offset, end - offset, StandardCharsets.US_ASCII);
    }

    private static Element child(Element parent, String tag) {
        return children(parent, tag).stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("<" + parent.getTagName() + "> has no <" + tag + ">"));
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (tag == null || e.getTagName().equals(tag))) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element element) {
        return element.getTextContent().strip();
    }
}
