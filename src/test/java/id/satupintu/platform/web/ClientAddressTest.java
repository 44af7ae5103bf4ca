package id.satupintu.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The walk over X-Forwarded-For (the HTTP behaviour is in ComplaintAbuseTest and RegistrationTest). */
class ClientAddressTest {

    private static ClientAddress trusting(String... proxies) {
        return new ClientAddress(Optional.of(List.of(proxies)));
    }

    @Test
    void loopbackAloneByDefaultTakesTheHopItAdded() {
        ClientAddress address = trusting("127.0.0.0/8", "::1/128");
        assertEquals("203.0.113.7", address.of("127.0.0.1", List.of("198.51.100.1, 203.0.113.7")));
        assertEquals("203.0.113.7", address.of("::1", List.of("1.1.1.1", "203.0.113.7")));
        assertEquals("127.0.0.1", address.of("127.0.0.1", List.of()));
        // A peer that is not a trusted proxy is the client: its header is not believed.
        assertEquals("192.0.2.9", address.of("192.0.2.9", List.of("203.0.113.7")));
        // An internal hop is not trusted unless listed.
        assertEquals("10.1.2.3", address.of("127.0.0.1", List.of("203.0.113.7, 10.1.2.3")));
    }

    @Test
    void trustedHopsAreSkippedFromTheRight() {
        ClientAddress address = trusting("10.0.0.0/8", "127.0.0.1");
        assertEquals("203.0.113.7", address.of("10.0.0.2", List.of("6.6.6.6, 203.0.113.7, 10.0.0.1, 10.9.9.9")));
        // Every hop trusted: the left-most is as far as the header goes.
        assertEquals("10.0.0.5", address.of("10.0.0.2", List.of("10.0.0.5, 10.0.0.1")));
        // Junk a trusted proxy would not write stops the walk at the last hop vouched for.
        assertEquals("10.0.0.1", address.of("10.0.0.2", List.of("203.0.113.7, unknown, 10.0.0.1")));
        // Ports and brackets as some proxies write them; IPv4-mapped IPv6 is the IPv4 client.
        assertEquals("203.0.113.7", address.of("10.0.0.2", List.of("203.0.113.7:4711")));
        assertEquals("2001:db8:0:0:0:0:0:1", address.of("10.0.0.2", List.of("[2001:db8::1]:4711")));
        assertEquals("203.0.113.7", address.of("10.0.0.2", List.of("::ffff:203.0.113.7")));
    }

    @Test
    void rangesAreLiteralsOnly() {
        ClientAddress address = trusting("localhost", "172.16.0.0/12");
        assertEquals("203.0.113.7", address.of("172.31.255.1", List.of("203.0.113.7")));
        assertEquals("172.32.0.1", address.of("172.32.0.1", List.of("203.0.113.7")));
        assertEquals("203.0.113.7", address.of("0:0:0:0:0:0:0:1", List.of("203.0.113.7")));
        assertThrows(IllegalArgumentException.class, () -> trusting("ingress.example.id"));
        assertThrows(IllegalArgumentException.class, () -> trusting("10.0.0.0/33"));
    }
}
