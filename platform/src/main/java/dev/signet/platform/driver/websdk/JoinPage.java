package dev.signet.platform.driver.websdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The join page and its bridge script: a page that loads the SDK's vendor scripts and client view from an {@link
 * SdkSource}. It carries no credential; the driver hands those to the bridge as WebDriver script arguments.
 */
final class JoinPage {
    /** The vendor globals the client view needs, in load order. */
    static final List<String> VENDOR = List.of("react", "react-dom", "redux", "redux-thunk", "lodash");

    private final String html;
    private final String bridge;
    private final String leave;

    JoinPage(SdkSource sdk, ObjectMapper json) {
        this.html = render(resource("join.html"), sdk, json);
        this.bridge = resource("bridge.js");
        this.leave = resource("leave.html");
    }

    String html() {
        return html;
    }

    String bridge() {
        return bridge;
    }

    String leave() {
        return leave;
    }

    private static String render(String template, SdkSource sdk, ObjectMapper json) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("version", sdk.version());
        config.put("libUrl", sdk.libUrl());
        config.put("scriptUrl", sdk.scriptUrl());
        StringBuilder scripts = new StringBuilder();
        for (String name : VENDOR) {
            scripts.append(scriptTag(sdk.vendorUrl(name)));
        }
        scripts.append(scriptTag(sdk.scriptUrl()));
        try {
            String configJson = json.writeValueAsString(config).replace("</", "<\\/");
            return template.replace("__SIGNET_CONFIG__", configJson).replace("__SIGNET_SCRIPTS__", scripts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the join page configuration", e);
        }
    }

    private static String scriptTag(String src) {
        return "<script src=\"" + attribute(src) + "\" onerror=\"signetBridge.scriptFailed(this.src)\"></script>\n";
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    private static String resource(String name) {
        try (InputStream in =
                Objects.requireNonNull(JoinPage.class.getResourceAsStream(name), () -> "missing resource " + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
