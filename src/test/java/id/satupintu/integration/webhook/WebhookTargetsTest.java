package id.satupintu.integration.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The address rule of webhook targets, on literal addresses (no DNS). */
class WebhookTargetsTest {

    private static boolean internal(String literal) throws Exception {
        return WebhookTargets.internal(InetAddress.getByName(literal));
    }

    @Test
    void ipv6FormsEmbeddingAnInternalIpv4AddressAreInternal() throws Exception {
        for (String address : List.of("::127.0.0.1", "::10.0.0.1", "::0.0.0.2", "::ffff:127.0.0.1",
                "::ffff:0:7f00:1", "::ffff:0:c0a8:101", "::ffff:0:a9fe:a9fe", "64:ff9b::7f00:1", "64:ff9b::a00:1",
                "64:ff9b::a9fe:a9fe", "64:ff9b:1::1", "64:ff9b:1::808:808", "64:ff9b:1:ffff::1",
                "2002:7f00:1::", "2002:a00:1:1::1", "2002:c0a8:101::", "2002:a9fe:a9fe::1", "2002::",
                "2001:0:4136:e378:8000:63bf:80ff:fffe")) { // Teredo, client 127.0.0.1 stored inverted
            assertTrue(internal(address), address + " passed as a public address");
        }
    }

    @Test
    void publicAddressesInThoseFormsStayAllowed() throws Exception {
        for (String address : List.of("8.8.8.8", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
                "2606:4700:4700::1111", "2001:4860:4860::8888",
                "2001:0:4136:e378:8000:63bf:3fff:fdd2")) {
            assertFalse(internal(address), address + " refused although public");
        }
    }

    @Test
    void theRangesRefusedBeforeStayRefused() throws Exception {
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::", "::1", "fd00::1", "fe80::1", "ff02::1")) {
            assertTrue(internal(address), address);
        }
    }
}
