package dev.signet.platform.token;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Which addresses a token URL may reach: public unicast only; loopback too when allowed (development), and nothing
 * else private, link-local, multicast, unspecified, shared (CGNAT), unique-local, reserved or IPv4-embedding
 * (IPv4-mapped, -compatible and -translated, 6to4 and its relay, Teredo, NAT64): a relay or translator in the
 * operator's network would forward those to the IPv4 address inside.
 *
 * @param allowLoopback whether loopback addresses are allowed
 * @param loopbackOnly whether only loopback addresses are allowed (a plain-http URL)
 */
record AddressPolicy(boolean allowLoopback, boolean loopbackOnly) {
    /** Why {@code address} may not be called, or {@code null} when it may. */
    @Nullable
    String blockedReason(InetAddress address) {
        boolean loopback = address.isLoopbackAddress();
        if (loopback) {
            return allowLoopback ? null : "a loopback address";
        }
        if (loopbackOnly) {
            return "not a loopback address (plain http is allowed only to loopback)";
        }
        return switch (address) {
            case Inet4Address v4 -> ipv4Reason(v4.getAddress());
            case Inet6Address v6 -> ipv6Reason(v6.getAddress());
            default -> "an unknown kind of address";
        };
    }

    private static @Nullable String ipv4Reason(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        if (b0 == 0) {
            return "an unspecified address";
        }
        if (b0 == 10 || (b0 == 172 && b1 >= 16 && b1 <= 31) || (b0 == 192 && b1 == 168)) {
            return "a private address";
        }
        if (b0 == 127) {
            return "a loopback address";
        }
        if (b0 == 169 && b1 == 254) {
            return "a link-local address";
        }
        if (b0 == 100 && b1 >= 64 && b1 <= 127) {
            return "a shared (CGNAT) address";
        }
        if (b0 >= 224 && b0 <= 239) {
            return "a multicast address";
        }
        if (b0 >= 240) {
            return "a reserved or broadcast address";
        }
        if ((b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2))
                || (b0 == 198 && (b1 == 18 || b1 == 19))
                || (b0 == 198 && b1 == 51 && b2 == 100)
                || (b0 == 203 && b1 == 0 && b2 == 113)) {
            return "a special-purpose address";
        }
        if (b0 == 192 && b1 == 88 && b2 == 99) {
            return "a 6to4 relay anycast address";
        }
        return null;
    }

    private static @Nullable String ipv6Reason(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if (Arrays.equals(a, 0, 10, new byte[10], 0, 10)) {
            boolean mapped = (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
            boolean zeros = a[10] == 0 && a[11] == 0;
            if (mapped) {
                return "an IPv4-mapped address";
            }
            if (zeros) {
                return Arrays.equals(a, new byte[16]) ? "an unspecified address" : "an IPv4-compatible address";
            }
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return "a link-local address";
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return "a site-local address";
        }
        if ((b0 & 0xfe) == 0xfc) {
            return "a unique-local address";
        }
        if (b0 == 0xff) {
            return "a multicast address";
        }
        if (Arrays.equals(a, 0, 8, new byte[8], 0, 8)
                && (a[8] & 0xff) == 0xff
                && (a[9] & 0xff) == 0xff
                && a[10] == 0
                && a[11] == 0) {
            return "an IPv4-translated address" + embedding(a, 12, 0);
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return "a 6to4 address" + embedding(a, 2, 0);
        }
        if (b0 == 0x20 && b1 == 0x01 && a[2] == 0 && a[3] == 0) {
            // Teredo: the client's IPv4 address is stored inverted in the last four bytes.
            return "a Teredo address" + embedding(a, 12, 0xff);
        }
        if (b0 == 0x00 && b1 == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b) {
            // 64:ff9b::/96 (well-known NAT64) and 64:ff9b:1::/48 (local-use NAT64)
            return "an IPv4-embedding (NAT64) address" + embedding(a, 12, 0);
        }
        if (Arrays.equals(a, 0, 8, new byte[] {1, 0, 0, 0, 0, 0, 0, 0}, 0, 8)) {
            return "a discard-only address";
        }
        if (b0 == 0x20 && b1 == 0x01 && (a[2] & 0xff) == 0x0d && (a[3] & 0xff) == 0xb8) {
            return "a documentation address";
        }
        return null;
    }

    /**
     * The IPv4 address embedded at {@code offset} (each byte XOR {@code mask}) when it is not a public one, as
     * {@code " embedding a private address"}; empty otherwise. The whole range is refused either way: a translator
     * or relay in the operator's network would forward to that address.
     */
    private static String embedding(byte[] a, int offset, int mask) {
        byte[] v4 = new byte[4];
        for (int i = 0; i < 4; i++) {
            v4[i] = (byte) ((a[offset + i] & 0xff) ^ mask);
        }
        String reason = ipv4Reason(v4);
        return reason == null ? "" : " embedding " + reason;
    }
}
