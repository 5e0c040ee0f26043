package dev.signet.platform.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.platform.token.TokenResult.FailureKind;
import dev.signet.secrets.Secret;
import dev.signet.testkit.MutableClock;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SSRF guards. Every address here is handed out by an injected resolver or written as a literal; the connect hook
 * fails the test on any real connect, so no packet leaves the machine.
 */
@Timeout(30)
class BlockedAddressTest {
    private final List<InetSocketAddress> connects = new CopyOnWriteArrayList<>();

    private TokenFetcher fetcher(boolean allowLoopback, List<InetAddress> addresses) {
        AddressResolver resolver = host -> {
            if (!host.equals("tokens.example")) {
                throw new UnknownHostException(host);
            }
            return addresses;
        };
        return new TokenFetcher(
                TokenFetcherSettings.defaults(allowLoopback),
                null,
                MutableClock.fixed(),
                resolver,
                d -> {},
                endpoint -> {
                    connects.add(endpoint);
                    throw new AssertionError("connected to " + endpoint);
                });
    }

    /** An address from an IP literal (no name lookup). */
    static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getAllByName(literal)[0];
    }

    static Stream<InetAddress> blocked() throws UnknownHostException {
        return Stream.of(
                ip("10.1.2.3"),
                ip("172.16.0.1"),
                ip("192.168.1.1"),
                ip("127.0.0.1"),
                ip("169.254.169.254"),
                ip("100.64.0.1"),
                ip("0.0.0.0"),
                ip("224.0.0.1"),
                ip("255.255.255.255"),
                ip("::1"),
                ip("::"),
                ip("fe80::1"),
                ip("fd00::1"),
                ip("ff02::1"),
                Inet6Address.getByAddress(
                        null, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1}, null),
                ip("64:ff9b::a00:1"),
                ip("64:ff9b:1::a00:1"),
                ip("2002:a00:1::1"),
                ip("2002:c0a8:101::1"),
                ip("::ffff:0:a00:1"),
                ip("2001:0:4136:e378:8000:63bf:f5ff:fffe"),
                ip("192.88.99.1"),
                ip("100::1"));
    }

    @ParameterizedTest
    @MethodSource("blocked")
    void fetch_hostResolvingToBlockedAddress_failsWithoutConnecting(InetAddress address) {
        TokenResult result =
                fetcher(false, List.of(address)).fetch(Secret.of("https://tokens.example/zak?token=s3cret"));

        assertThat(result).isInstanceOfSatisfying(TokenResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
            assertThat(failed.reason()).contains("tokens.example").doesNotContain("s3cret");
        });
        assertThat(connects).isEmpty();
    }

    @Test
    void fetch_anyBlockedAmongAddresses_rejectsThemAll() throws Exception {
        List<InetAddress> mixed = List.of(ip("8.8.8.8"), ip("10.0.0.1"));

        TokenResult result = fetcher(false, mixed).fetch(Secret.of("https://tokens.example/zak"));

        assertThat(((TokenResult.Failed) result).kind()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
        assertThat(connects).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://10.0.0.1/zak",
                "https://169.254.169.254/latest/meta-data/",
                "https://[fd00::1]/zak",
                "https://[::ffff:a00:1]/zak",
                "https://127.0.0.1/zak"
            })
    void fetch_blockedIpLiteral_failsWithoutConnecting(String url) {
        TokenResult result = fetcher(false, List.of()).fetch(Secret.of(url));

        assertThat(result)
                .isInstanceOfSatisfying(
                        TokenResult.Failed.class,
                        failed -> assertThat(failed.kind()).isEqualTo(FailureKind.BLOCKED_ADDRESS));
        assertThat(connects).isEmpty();
    }

    /**
     * Short, hex and decimal forms of 127.0.0.1: OkHttp takes the digits-and-dots ones as IP literals (the JDK reads
     * them as 127.0.0.1, checked at connect) and the hex one as a host name, which the C library's resolver
     * (inet_aton) turns into 127.0.0.1 — this resolver does the same. Either way the policy must be what refuses
     * them, naming loopback; a failed lookup or any other failure does not pass.
     */
    @ParameterizedTest
    @ValueSource(strings = {"0x7f000001", "0x7f.1", "2130706433", "127.1"})
    void fetch_obfuscatedLoopback_isRefusedByThePolicy(String host) throws Exception {
        InetAddress loopback = ip("127.0.0.1");
        TokenFetcher fetcher = new TokenFetcher(
                TokenFetcherSettings.defaults(false),
                null,
                MutableClock.fixed(),
                name -> List.of(loopback),
                d -> {},
                endpoint -> {
                    connects.add(endpoint);
                    throw new AssertionError("connected to " + endpoint);
                });

        TokenResult result = fetcher.fetch(Secret.of("https://" + host + "/zak?token=s3cret"));

        assertThat(result).isInstanceOfSatisfying(TokenResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
            assertThat(failed.reason()).contains("a loopback address").doesNotContain("s3cret");
        });
        assertThat(connects).isEmpty();
    }

    @Test
    void fetch_ipv4MappedLoopbackLiteral_isRefusedAtConnect() {
        TokenResult result = fetcher(false, List.of()).fetch(Secret.of("https://[::ffff:127.0.0.1]/zak"));

        assertThat(result).isInstanceOfSatisfying(TokenResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
            assertThat(failed.reason()).contains("loopback address");
        });
        assertThat(connects).isEmpty();
    }

    @Test
    void policy_ipv4EmbeddingAddresses_nameTheEmbeddedKind() throws Exception {
        AddressPolicy policy = new AddressPolicy(false, false);

        assertThat(policy.blockedReason(ip("::ffff:0:a00:1")))
                .isEqualTo("an IPv4-translated address embedding a private address");
        assertThat(policy.blockedReason(ip("2002:c0a8:101::1")))
                .isEqualTo("a 6to4 address embedding a private address");
        assertThat(policy.blockedReason(ip("2001:0:4136:e378:8000:63bf:f5ff:fffe")))
                .isEqualTo("a Teredo address embedding a private address");
        assertThat(policy.blockedReason(ip("2001:0:4136:e378:8000:63bf:f7f7:f7f7")))
                .isEqualTo("a Teredo address"); // embeds 8.8.8.8: refused all the same
        assertThat(policy.blockedReason(ip("192.88.99.1"))).isEqualTo("a 6to4 relay anycast address");
        assertThat(policy.blockedReason(ip("2001:4860:4860::8888"))).isNull(); // 2001::/32 only is Teredo
    }

    @Test
    void fetch_plainHttpToPublicAddressEvenWithLoopbackFlag_failsWithoutConnecting() throws Exception {
        TokenResult result = fetcher(true, List.of(ip("8.8.8.8"))).fetch(Secret.of("http://tokens.example/zak"));

        assertThat(((TokenResult.Failed) result).kind()).isEqualTo(FailureKind.BLOCKED_ADDRESS);
        assertThat(connects).isEmpty();
    }

    @Test
    void policy_publicAddresses_areAllowed() throws Exception {
        AddressPolicy policy = new AddressPolicy(false, false);

        assertThat(policy.blockedReason(ip("8.8.8.8"))).isNull();
        assertThat(policy.blockedReason(ip("2606:4700:4700::1111"))).isNull();
        assertThat(policy.blockedReason(ip("127.0.0.1"))).isEqualTo("a loopback address");
        assertThat(new AddressPolicy(true, false).blockedReason(ip("127.0.0.1")))
                .isNull();
        assertThat(new AddressPolicy(true, true).blockedReason(ip("8.8.8.8"))).isNotNull();
    }
}
