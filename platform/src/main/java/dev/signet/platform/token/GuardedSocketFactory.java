package dev.signet.platform.token;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.function.Consumer;
import javax.net.SocketFactory;

/**
 * Plain sockets that refuse to connect to an address the {@link AddressPolicy} blocks: the second guard, which also
 * covers IP-literal URLs (OkHttp does not ask its {@code Dns} about those).
 */
final class GuardedSocketFactory extends SocketFactory {
    private final AddressPolicy policy;
    private final Consumer<InetSocketAddress> onConnect;

    /**
     * @param onConnect sees every endpoint right before a real connect (tests fail on any blocked one)
     */
    GuardedSocketFactory(AddressPolicy policy, Consumer<InetSocketAddress> onConnect) {
        this.policy = policy;
        this.onConnect = onConnect;
    }

    @Override
    public Socket createSocket() {
        return new GuardedSocket(policy, onConnect);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        throw new IOException("token sockets connect only through createSocket()");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw new IOException("token sockets connect only through createSocket()");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        throw new IOException("token sockets connect only through createSocket()");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        throw new IOException("token sockets connect only through createSocket()");
    }

    /** A socket that checks its endpoint against the policy before connecting. */
    private static final class GuardedSocket extends Socket {
        private final AddressPolicy policy;
        private final Consumer<InetSocketAddress> onConnect;

        GuardedSocket(AddressPolicy policy, Consumer<InetSocketAddress> onConnect) {
            this.policy = policy;
            this.onConnect = onConnect;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            InetAddress address = endpoint instanceof InetSocketAddress inet ? inet.getAddress() : null;
            if (address == null) {
                throw new BlockedAddressException("refusing to connect to an unresolved endpoint");
            }
            String reason = policy.blockedReason(address);
            if (reason != null) {
                throw new BlockedAddressException("refusing to connect to " + reason);
            }
            onConnect.accept((InetSocketAddress) endpoint);
            super.connect(endpoint, timeout);
        }
    }
}
