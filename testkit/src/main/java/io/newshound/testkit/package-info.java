/** Test support: a real Kafka broker for every test JVM, and unique topics for every test. */
package io.newshound.testkit;
