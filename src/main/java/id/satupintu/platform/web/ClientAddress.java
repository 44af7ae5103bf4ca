package id.satupintu.platform.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client behind a request: the one place it is derived, for every per-address
 * rule (complaint limits over REST, GraphQL and Open311; the sign-up limit).
 * <p>
 * Each proxy appends to X-Forwarded-For the address it received the request from, so only the
 * right-hand entries, the ones added by proxies we trust, can be believed; whatever stands to their
 * left is what the client chose to send. The walk therefore starts at the connection's peer and goes
 * from the right: while the hop is a trusted proxy, the entry it added is the next hop; the first hop
 * that is not a trusted proxy is the client. Quarkus's own forwarding takes the left-most entry for
 * {@code remoteAddress()}, which is why that method is not used for this (ArchitectureTest holds it).
 * The trusted proxies are those of {@code quarkus.http.proxy.trusted-proxies} (SATUPINTU_TRUSTED_PROXIES),
 * so one setting governs both.
 */
@ApplicationScoped
public class ClientAddress {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpRange> trusted;

    /** The proxies Quarkus's forwarding trusts too (one list for both), read as Quarkus's own property. */
    @Inject
    public ClientAddress(@ConfigProperty(name = "quarkus.http.proxy.trusted-proxies") Optional<List<String>> proxies) {
        this(proxies.orElse(List.of()).stream().map(String::trim).filter(p -> !p.isEmpty())
                .flatMap(p -> IpRange.parse(p).stream()).toList());
    }

    ClientAddress(List<IpRange> trusted) {
        this.trusted = List.copyOf(trusted);
    }

    /** The client's address, in its canonical text form; null when the connection has none (a test harness). */
    public String of(HttpServerRequest request) {
        // The connection's own peer: the request's remoteAddress() may already be rewritten from the header.
        SocketAddress peer = request.connection() == null ? null : request.connection().remoteAddress();
        if (peer == null || peer.hostAddress() == null) {
            return null;
        }
        return of(peer.hostAddress(), request.headers().getAll(FORWARDED_FOR));
    }

    /** The walk itself: the peer's address and the X-Forwarded-For headers in the order received. */
    String of(String peer, List<String> forwardedFor) {
        InetAddress hop = IpRange.address(peer);
        if (hop == null) {
            return peer;
        }
        List<String> entries = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String entry : header.split(",")) {
                entries.add(entry.trim());
            }
        }
        for (int i = entries.size() - 1; i >= 0 && isTrusted(hop); i--) {
            InetAddress next = IpRange.address(withoutPort(entries.get(i)));
            if (next == null) {
                // A trusted proxy writes addresses; junk ("unknown", a name) came from further left,
                // so the last hop that was vouched for is as far as the walk can go.
                break;
            }
            hop = next;
        }
        return hop.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    /** "192.0.2.1:4711" and "[2001:db8::1]:4711" as some proxies write them; bare IPv6 stays whole. */
    static String withoutPort(String entry) {
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            return end < 0 ? entry : entry.substring(1, end);
        }
        int colon = entry.indexOf(':');
        return colon > 0 && colon == entry.lastIndexOf(':') ? entry.substring(0, colon) : entry;
    }
}
