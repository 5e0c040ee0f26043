package dev.signet.platform.token;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/** Resolves a host name to addresses; injected so tests map names to any address without touching DNS. */
@FunctionalInterface
public interface AddressResolver {
    /** The addresses of {@code host}. */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The system resolver. */
    static AddressResolver system() {
        return host -> Arrays.asList(InetAddress.getAllByName(host));
    }
}
