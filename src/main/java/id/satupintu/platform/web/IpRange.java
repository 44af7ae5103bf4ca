package id.satupintu.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An address or a CIDR range of trusted proxies ({@code 10.0.0.0/8}, {@code ::1/128}, {@code 127.0.0.1}).
 * Only literals: a host name would need a DNS look-up on a request path, and the list of proxies
 * should not change behind the operator's back.
 */
record IpRange(byte[] network, int prefix) {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** The ranges one configured entry names; {@code localhost} is both loopbacks. */
    static List<IpRange> parse(String text) {
        if ("localhost".equalsIgnoreCase(text)) {
            return List.of(parseOne("127.0.0.0/8"), parseOne("::1/128"));
        }
        return List.of(parseOne(text));
    }

    private static IpRange parseOne(String text) {
        int slash = text.indexOf('/');
        String literal = slash < 0 ? text : text.substring(0, slash);
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        InetAddress address = address(literal);
        if (address == null) {
            throw new IllegalArgumentException("trusted proxy '" + text + "' is not an IP address or a CIDR range "
                    + "(quarkus.http.proxy.trusted-proxies, SATUPINTU_TRUSTED_PROXIES)");
        }
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException notANumber) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("trusted proxy '" + text + "' has a prefix outside 0.." + bits);
            }
        }
        return new IpRange(address.getAddress(), prefix);
    }

    /**
     * The address a literal names, without any DNS look-up (IPv4-mapped IPv6 such as
     * {@code ::ffff:192.0.2.1} comes back as the IPv4 address it is); null when it is not an IP literal.
     */
    static InetAddress address(String text) {
        if (text == null || text.isEmpty() || text.length() > 45
                || !(IPV4.matcher(text).matches() || IPV6.matcher(text).matches())) {
            return null;
        }
        try {
            // Text of one of these two shapes is parsed as a literal, never resolved.
            return InetAddress.getByName(text);
        } catch (UnknownHostException malformed) {
            return null;
        }
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefix / 8;
        if (!Arrays.equals(bytes, 0, whole, network, 0, whole)) {
            return false;
        }
        int rest = prefix % 8;
        int mask = 0xff << (8 - rest) & 0xff;
        return rest == 0 || (bytes[whole] & mask) == (network[whole] & mask);
    }
}
