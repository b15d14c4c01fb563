/**
 * Kafka Streams support shared by the services that run Streams; needs {@code kafka-streams} on the
 * classpath, which this module does not bring.
 */
package io.newshound.events.streams;
