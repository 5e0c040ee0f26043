package dev.signet.platform.token;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * OkHttp's resolver for token URLs: resolves through the injected {@link AddressResolver} and returns the addresses
 * only if every one passes the {@link AddressPolicy}. OkHttp connects to exactly the returned addresses, so the
 * checked address is the connected one (no DNS rebinding between check and use).
 */
final class GuardedDns implements Dns {
    private final AddressResolver resolver;
    private final AddressPolicy policy;

    GuardedDns(AddressResolver resolver, AddressPolicy policy) {
        this.resolver = resolver;
        this.policy = policy;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = List.copyOf(resolver.resolve(hostname));
        if (addresses.isEmpty()) {
            throw new UnknownHostException(hostname + " has no addresses");
        }
        for (InetAddress address : addresses) {
            String reason = policy.blockedReason(address);
            if (reason != null) {
                throw new BlockedAddressException(hostname + " resolves to " + reason);
            }
        }
        return addresses;
    }
}
