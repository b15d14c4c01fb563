/**
 * Fetching over HTTP and reading feeds. Rome's types stay inside {@link
 * io.newshound.ingest.feed.FeedParser}; the rest of ingest sees {@link
 * io.newshound.ingest.feed.FeedEntry}.
 */
package io.newshound.ingest.feed;
