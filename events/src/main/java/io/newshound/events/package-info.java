/**
 * The events that flow between Newshound's services, the topics that carry them and the one JSON
 * serde that reads and writes them all.
 *
 * <p>Every event is an immutable record with a {@code schemaVersion}; a reader rejects versions it
 * does not know rather than guessing, and the rejected record goes to the dead-letter topic.
 */
package io.newshound.events;
