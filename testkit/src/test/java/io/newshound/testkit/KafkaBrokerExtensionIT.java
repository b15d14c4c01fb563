package io.newshound.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.newshound.events.KafkaSettings;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class KafkaBrokerExtensionIT {

    @Test
    void shouldHandEachTestTheSameBrokerWithItsOwnTopics(KafkaSettings first, KafkaSettings second)
            throws Exception {
        assertThat(first.bootstrapServers()).isEqualTo(second.bootstrapServers());
        assertThat(first.topicPrefix()).isNotEqualTo(second.topicPrefix());

        try (Admin admin = Admin.create(first.clientProperties())) {
            String topic = first.topics().articles().name();
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);

            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(names).contains(topic).doesNotContain(second.topics().articles().name());
        }
    }
}
