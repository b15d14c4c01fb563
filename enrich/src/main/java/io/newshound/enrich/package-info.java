/**
 * Enrich: a Kafka Streams app that tags articles with topics, collapses duplicates into stories,
 * extracts sourced claims and decides which claims are new.
 *
 * <p>Public: {@link io.newshound.enrich.EnrichApp} (the service), {@link
 * io.newshound.enrich.EnrichTopology} (its topology), {@link io.newshound.enrich.EnrichConfig} and
 * {@link io.newshound.enrich.EnrichMetrics}.
 */
package io.newshound.enrich;
