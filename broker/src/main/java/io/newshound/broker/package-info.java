/**
 * A real single-node Kafka broker in KRaft mode, started inside the JVM from the broker's own code
 * ({@code org.apache.kafka:kafka_2.13}); nothing to install and no Docker.
 */
package io.newshound.broker;
