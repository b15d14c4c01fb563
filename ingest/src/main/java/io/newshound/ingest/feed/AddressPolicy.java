package io.newshound.ingest.feed;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Which addresses ingest may fetch. By default none on loopback, private, link-local or
 * unique-local networks: a feed or a redirect must not make ingest probe the network it runs in.
 * The demo and tests allow them, as their sites run on localhost.
 *
 * <p>The check resolves the host before the request; a DNS answer that changes between the check
 * and the connection (DNS rebinding) is not caught.
 */
public final class AddressPolicy {
    private final boolean allowPrivate;

    public AddressPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /**
     * Checks {@code uri} may be fetched.
     *
     * @throws FetchException REFUSED for a scheme other than http(s) or a private address,
     *     UNREACHABLE for a host that does not resolve
     */
    public void check(URI uri) throws FetchException {
        String scheme = uri.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new FetchException(
                    FetchException.Kind.REFUSED, uri, "not an http(s) address", null);
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new FetchException(
                    FetchException.Kind.REFUSED, uri, "no host in the address", null);
        }
        if (allowPrivate) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new FetchException(
                    FetchException.Kind.UNREACHABLE, uri, "unknown host " + host, e);
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                throw new FetchException(
                        FetchException.Kind.REFUSED,
                        uri,
                        host
                                + " is a private address ("
                                + address.getHostAddress()
                                + "); set ingest.allow-private-addresses to fetch it",
                        null);
            }
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7, unique local
        }
        // 100.64.0.0/10, carrier-grade NAT; 169.254/16 is link-local above.
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }
}
