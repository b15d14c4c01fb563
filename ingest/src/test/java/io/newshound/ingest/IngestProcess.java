package io.newshound.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.events.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * An ingest instance in a process of its own, for tests that kill it: {@code IngestProcess
 * BOOTSTRAP TOPIC_PREFIX FEED_URL INSTANCE_ID}. It runs until killed.
 */
public final class IngestProcess {
    private IngestProcess() {}

    public static void main(String[] args) throws InterruptedException {
        KafkaSettings kafka = KafkaSettings.at(args[0]).withTopicPrefix(args[1]);
        IngestConfig config = config(args[2], args[3]);
        IngestApp ingest = new IngestApp(config, kafka, new SimpleMeterRegistry());
        ingest.start();
        new CountDownLatch(1).await();
    }

    static IngestConfig config(String feedUrl, String instanceId) {
        return IngestConfig.of(List.of(FeedSource.of(feedUrl)))
                .withPollInterval(Duration.ofMillis(300))
                .withPrivateAddresses(true)
                .withPerHost(8, Duration.ZERO)
                .withInstanceId(instanceId);
    }
}
