package io.newshound.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    static boolean isPrivate(String address) throws Exception {
        return AddressPolicy.isPrivate(InetAddress.getByName(address));
    }

    @Test
    void shouldCallLoopbackPrivateLinkLocalAndUniqueLocalAddressesPrivate() throws Exception {
        for (String a :
                new String[] {
                    "127.0.0.1",
                    "10.1.2.3",
                    "172.16.5.5",
                    "192.168.1.1",
                    "169.254.169.254",
                    "100.64.0.1",
                    "0.0.0.0",
                    "::1",
                    "fe80::1",
                    "fd12:3456::1"
                }) {
            assertThat(isPrivate(a)).as(a).isTrue();
        }
    }

    @Test
    void shouldCallPublicAddressesPublic() throws Exception {
        for (String a :
                new String[] {"93.184.216.34", "8.8.8.8", "2001:4860:4860::8888", "100.128.0.1"}) {
            assertThat(isPrivate(a)).as(a).isFalse();
        }
    }

    @Test
    void shouldRefuseSchemesOtherThanHttp() {
        assertThatThrownBy(() -> new AddressPolicy(true).check(URI.create("file:///etc/passwd")))
                .isInstanceOfSatisfying(
                        FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REFUSED))
                .hasMessage("not an http(s) address for file:///etc/passwd");
    }

    @Test
    void shouldRefuseTheCloudMetadataAddress() {
        assertThatThrownBy(
                        () ->
                                new AddressPolicy(false)
                                        .check(
                                                URI.create(
                                                        "http://169.254.169.254/latest/meta-data/")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("is a private address (169.254.169.254)");
    }
}
