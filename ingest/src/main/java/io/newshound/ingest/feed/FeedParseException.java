package io.newshound.ingest.feed;

/** Bytes that are not a feed Newshound can read; the message says why in one line. */
public final class FeedParseException extends Exception {
    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
