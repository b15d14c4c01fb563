package io.newshound.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HostLimiterTest {

    @Test
    void shouldLetASecondRequestToTheSameHostWaitForTheFirst() throws Exception {
        HostLimiter limiter = new HostLimiter(1, Duration.ZERO);
        limiter.acquire("news.example");

        CompletableFuture<Void> second =
                CompletableFuture.runAsync(
                        () -> {
                            try {
                                limiter.acquire("news.example");
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
        CompletableFuture<Void> otherHost =
                CompletableFuture.runAsync(
                        () -> {
                            try {
                                limiter.acquire("other.example");
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });

        otherHost.get(5, TimeUnit.SECONDS);
        assertThat(second).isNotDone();
        limiter.release("news.example");
        second.get(5, TimeUnit.SECONDS);
        assertThat(second).isDone();
    }

    @Test
    void shouldSpaceTheStartsOfRequestsToOneHost() throws Exception {
        HostLimiter limiter = new HostLimiter(10, Duration.ofMillis(200));
        long start = System.nanoTime();

        for (int i = 0; i < 4; i++) {
            limiter.acquire("news.example");
            limiter.release("news.example");
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }
}
