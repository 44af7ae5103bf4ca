package id.satupintu.integration.webhook;

import id.satupintu.integration.IntegrationConfig;
import id.satupintu.platform.error.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Guards webhook targets against server-side request forgery: a client must not make the service
 * call its own network (loopback, private ranges, link-local and cloud metadata, carrier-grade NAT,
 * unique-local IPv6, and IPv6 forms that embed such an IPv4 address or lead to a local translator). The name is resolved here and the request is then sent to exactly the address
 * that was checked, so a DNS answer that changes between check and call (rebinding) cannot slip in.
 * Hosts on the allow-list (exact host text of the URL) skip the address check; that is how tests
 * and on-premises receivers inside the office network are let through.
 */
@ApplicationScoped
class WebhookTargets {

    /** A checked target: the parsed URL and the address to connect to. */
    public record Target(URI uri, String host, int port, boolean https, InetAddress address) {

        public String pathAndQuery() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    static final int MAX_URL_LENGTH = 2000;

    @Inject
    Vertx vertx;

    @Inject
    IntegrationConfig config;


    /** The URL's syntax and scheme: a 400 problem on the field {@code url} when wrong. */
    public URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw ProblemException.validation("url", "required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw ProblemException.validation("url", "size", 1, MAX_URL_LENGTH);
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ProblemException.validation("url", "invalid-format");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            throw ProblemException.validation("url", "invalid-format");
        }
        if (scheme.equals("http") && !config.webhooks().allowHttp() && !allowListed(host(uri))) {
            throw new ProblemException(422, "webhook-https-required");
        }
        return uri;
    }

    /**
     * Parses, resolves (on a worker thread: the JDK resolver blocks) and checks the URL. Fails with
     * 422 {@code webhook-target-not-allowed} for an internal address, {@code webhook-target-unresolvable}
     * for a name that does not resolve.
     */
    public Uni<Target> check(String url) {
        URI uri = parse(url);
        String host = host(uri);
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        return Uni.createFrom().completionStage(() -> vertx.<InetAddress[]>executeBlocking(() -> resolve(host), false)
                        .toCompletionStage())
                .map(addresses -> {
                    if (addresses == null || addresses.length == 0) {
                        throw new ProblemException(422, "webhook-target-unresolvable", host);
                    }
                    if (!allowListed(host)) {
                        for (InetAddress address : addresses) {
                            if (internal(address)) {
                                throw new ProblemException(422, "webhook-target-not-allowed", host);
                            }
                        }
                    }
                    return new Target(uri, host, port, https, addresses[0]);
                });
    }

    private static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException | SecurityException e) {
            return new InetAddress[0];
        }
    }

    private boolean allowListed(String host) {
        Set<String> allowed = config.webhooks().allowedHosts().orElse(List.of()).stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).collect(Collectors.toSet());
        return allowed.contains(host);
    }

    /** The host as written in the URL, lower case and without IPv6 brackets. */
    static String host(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Addresses a webhook must never reach unless allow-listed. */
    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                   // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64/10
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19))    // benchmarking 198.18/15
                    || first >= 240;                            // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {                       // unique local fc00::/7
                return true;
            }
            // NAT64 local-use prefix 64:ff9b:1::/48 (RFC 8215): a translator inside the operator's own
            // network, whatever IPv4 address the rest names.
            if (startsWith(b, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01)) {
                return true;
            }
            // A form that carries an IPv4 address some stack, translator or relay may forward to:
            // judged by the IPv4 address inside.
            byte[] inner = embeddedIpv4(b);
            if (inner != null) {
                try {
                    return internal(InetAddress.getByAddress(inner));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The IPv4 address inside an IPv6 address that embeds one: IPv4-compatible {@code ::a.b.c.d},
     * IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-translated {@code ::ffff:0:a.b.c.d}, NAT64
     * {@code 64:ff9b::a.b.c.d}, 6to4 {@code 2002:aabb:ccdd::/48} and Teredo {@code 2001:0::/32} (the
     * client's address, stored inverted); null for any other address.
     */
    static byte[] embeddedIpv4(byte[] b) {
        boolean compatibleOrMapped = isZero(b, 0, 10) && ((b[10] == 0 && b[11] == 0) || (b[10] == -1 && b[11] == -1));
        boolean translated = isZero(b, 0, 8) && b[8] == -1 && b[9] == -1 && b[10] == 0 && b[11] == 0;
        boolean nat64 = startsWith(b, 0x00, 0x64, 0xff, 0x9b) && isZero(b, 4, 12);
        if (compatibleOrMapped || translated || nat64) {
            return new byte[] {b[12], b[13], b[14], b[15]};
        }
        if (startsWith(b, 0x20, 0x02)) {
            return new byte[] {b[2], b[3], b[4], b[5]};
        }
        if (startsWith(b, 0x20, 0x01, 0x00, 0x00)) {
            return new byte[] {(byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]};
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
