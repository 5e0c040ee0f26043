package dev.signet.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's browser in the demo: opens the connect link an operator handed out, is sent to Zoom's consent page,
 * approves as one Zoom user (the same form a person clicks), and lands on the broker's page. Every hop is a plain
 * HTTP request following the {@code Location} the server answered; nothing is faked.
 */
final class ConsentBrowser {
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final HttpClient http;

    ConsentBrowser(HttpClient http) {
        this.http = http;
    }

    /** What the person saw: each page visited (scheme, host, port and path only) and the broker's final page. */
    record Visit(List<String> hops, int finalStatus, String finalPage) {}

    /** Opens {@code connectLink} and approves the app on Zoom's consent page as {@code zoomUserId}. */
    Visit connect(URI connectLink, String zoomUserId) {
        List<String> hops = new java.util.ArrayList<>();
        HttpResponse<String> atBroker = send(HttpRequest.newBuilder(connectLink).GET(), hops);
        URI authorize = location(atBroker, "the connect link");
        HttpResponse<String> consentPage =
                send(HttpRequest.newBuilder(authorize).GET(), hops);
        if (consentPage.statusCode() != 200) {
            throw new IllegalStateException("Zoom's consent page answered " + consentPage.statusCode());
        }
        // The form as a person submits it: its hidden fields (state, PKCE challenge, …), the chosen user, Approve.
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(consentPage.body());
        while (hidden.find()) {
            form.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
        }
        form.put("user_id", zoomUserId);
        form.put("decision", "approve");
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> approved = send(
                HttpRequest.newBuilder(authorize.resolve("/oauth/authorize"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
                hops);
        HttpResponse<String> landed = send(
                HttpRequest.newBuilder(location(approved, "Zoom's consent")).GET(), hops);
        return new Visit(List.copyOf(hops), landed.statusCode(), landed.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request, List<String> hops) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        URI uri = built.uri();
        hops.add(built.method() + " " + uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath());
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("request to " + uri.getRawPath() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static URI location(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ", not a redirect");
        }
        return response.uri()
                .resolve(response.headers()
                        .firstValue("Location")
                        .orElseThrow(() -> new IllegalStateException(what + " redirected without a Location")));
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
