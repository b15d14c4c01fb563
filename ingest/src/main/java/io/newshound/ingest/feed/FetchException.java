package io.newshound.ingest.feed;

import java.net.URI;
import java.util.Locale;

/** A request that got no usable answer: the kind of failure and a one-line message. */
public final class FetchException extends Exception {
    /** What went wrong, as counted in metrics. */
    public enum Kind {
        /** No answer, or no whole answer, in time. */
        TIMEOUT,
        /** No connection, an unknown host, a broken connection. */
        UNREACHABLE,
        /** The answer, or its decompressed body, is larger than allowed. */
        TOO_LARGE,
        /** Not fetched on purpose: a private address, a bad scheme, too many redirects. */
        REFUSED,
        /** A body that claims a compression it does not have. */
        BAD_ENCODING;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;

    public FetchException(Kind kind, URI uri, String problem, Throwable cause) {
        super(problem + " for " + uri, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
