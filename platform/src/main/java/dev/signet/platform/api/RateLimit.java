package dev.signet.platform.api;

/**
 * A token bucket per API key: {@code perSecond} requests a second on average, bursts of up to {@code burst}.
 *
 * @param perSecond the sustained rate, above 0
 * @param burst how many requests may arrive at once, at least 1
 */
public record RateLimit(double perSecond, int burst) {
    public RateLimit {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("rate limit must be a positive number of requests a second");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("rate limit burst must be at least 1");
        }
    }

    /** {@code "100"} (burst: one second's worth, at least 1) or {@code "100:500"} (rate:burst). */
    public static RateLimit parse(String text) {
        String[] parts = text.strip().split(":", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("rate limit must be <requests per second>[:<burst>]");
        }
        try {
            double rate = Double.parseDouble(parts[0].strip());
            int burst = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : (int) Math.max(1, Math.ceil(rate));
            return new RateLimit(rate, burst);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rate limit must be <requests per second>[:<burst>]", e);
        }
    }
}
