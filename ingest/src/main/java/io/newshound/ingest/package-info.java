/**
 * Ingest: polls RSS and Atom feeds, fetches each new entry's page, extracts its text and publishes
 * it as an {@link io.newshound.events.Article} to Kafka.
 *
 * <p>Public: {@link io.newshound.ingest.IngestApp} (the service), {@link
 * io.newshound.ingest.FeedPoller} (one poll of one feed), {@link io.newshound.ingest.IngestConfig}
 * and {@link io.newshound.ingest.IngestMetrics}.
 */
package io.newshound.ingest;
