package io.newshound.ops;

import io.newshound.events.DeadLetters;
import io.newshound.events.KafkaSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/**
 * Whether the broker answers: asks the cluster for its nodes, at most once per {@code every}, and
 * says "cannot reach the broker at HOST:PORT" when it does not answer within {@code timeout}.
 */
public final class BrokerCheck implements HealthCheck, AutoCloseable {
    private final String bootstrap;
    private final Admin admin;
    private final Duration timeout;
    private final Duration every;
    private final Clock clock;
    private Instant checkedAt = Instant.MIN;
    private Health last;

    public BrokerCheck(KafkaSettings kafka, Duration timeout, Duration every, Clock clock) {
        this.bootstrap = kafka.bootstrapServers();
        Properties props = kafka.clientProperties();
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, kafka.topicPrefix() + "health");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.admin = Admin.create(props);
        this.timeout = timeout;
        this.every = every;
        this.clock = clock;
    }

    @Override
    public synchronized Health check() {
        Instant now = clock.instant();
        if (last != null && now.isBefore(checkedAt.plus(every))) {
            return last;
        }
        last = ask();
        checkedAt = now;
        return last;
    }

    private Health ask() {
        try {
            Collection<Node> nodes =
                    admin.describeCluster(
                                    new DescribeClusterOptions()
                                            .timeoutMs((int) timeout.toMillis()))
                            .nodes()
                            .get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            return Health.up("broker at " + bootstrap + " answers (" + nodes.size() + " nodes)");
        } catch (TimeoutException e) {
            return Health.down(
                    "cannot reach the broker at "
                            + bootstrap
                            + ": no answer in "
                            + timeout.toMillis()
                            + " ms");
        } catch (ExecutionException e) {
            return Health.down(
                    "cannot reach the broker at "
                            + bootstrap
                            + ": "
                            + DeadLetters.reason(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down("interrupted while asking the broker at " + bootstrap);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
