package io.newshound.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newshound.events.KafkaSettings;
import io.newshound.ops.BrokerCheck;
import io.newshound.ops.Health;
import io.newshound.testkit.KafkaBrokerExtension;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The readiness check that asks the broker, against a real one and against nothing. */
@ExtendWith(KafkaBrokerExtension.class)
class BrokerCheckIT {
    @Test
    void shouldSayTheBrokerAnswers(KafkaSettings kafka) {
        try (BrokerCheck check =
                new BrokerCheck(kafka, Duration.ofSeconds(3), Duration.ZERO, Clock.systemUTC())) {
            Health health = check.check();

            assertThat(health.up()).isTrue();
            assertThat(health.detail())
                    .isEqualTo("broker at " + kafka.bootstrapServers() + " answers (1 nodes)");
        }
    }

    @Test
    void shouldSayItCannotReachABrokerThatIsNotThere() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        KafkaSettings nowhere = KafkaSettings.at("127.0.0.1:" + closedPort);

        try (BrokerCheck check =
                new BrokerCheck(nowhere, Duration.ofSeconds(1), Duration.ZERO, Clock.systemUTC())) {
            Health health = check.check();

            assertThat(health.up()).isFalse();
            assertThat(health.detail())
                    .startsWith("cannot reach the broker at 127.0.0.1:" + closedPort + ": ");
        }
    }
}
