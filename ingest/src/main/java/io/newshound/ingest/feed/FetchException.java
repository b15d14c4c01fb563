package io.newshound.ingest.feed;

import java.net.URI;
import java.util.Locale;

/** A request that got no usable answer: the kind of failure and a one-line message. */
public final class FetchException extends Exception {
    /** What went wrong, as counted in metrics. */
    public enum Kind {
        TIMEOUT,
        UNREACHABLE,
        TOO_LARGE,
        REFUSED;

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
