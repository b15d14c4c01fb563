package io.newshound.app.cli;

import io.newshound.app.config.ConfigException;
import io.newshound.events.EventTopic;
import io.newshound.events.FeedDefinition;
import io.newshound.events.FeedState;
import io.newshound.events.KafkaSettings;
import io.newshound.events.TableSnapshot;
import io.newshound.events.TopicAdmin;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newshound feeds}: the feeds of a running deployment, their health, adding and removing.
 */
@Command(
        name = "feeds",
        mixinStandardHelpOptions = true,
        description = "List, add and remove the feeds ingest polls, and show their health.",
        subcommands = {
            FeedsCommand.Status.class,
            FeedsCommand.Add.class,
            FeedsCommand.Remove.class
        })
public final class FeedsCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code newshound feeds status}. */
    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description =
                    "Each feed's health as ingest last recorded it: last success, failures in a"
                            + " row, last outcome, next poll, last error.")
    static final class Status implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin Cluster cluster;

        @Override
        public Integer call() {
            Logging.configure("WARN", false);
            KafkaSettings kafka = cluster.kafka();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Map<String, FeedDefinition> feeds =
                    TableSnapshot.read(
                            kafka,
                            kafka.topics().feeds(),
                            (r, why) ->
                                    err.println(
                                            "newshound: unreadable feed " + r.key() + ": " + why));
            Map<String, FeedState> states =
                    TableSnapshot.read(
                            kafka,
                            kafka.topics().feedState(),
                            (r, why) ->
                                    err.println(
                                            "newshound: unreadable state of "
                                                    + r.key()
                                                    + ": "
                                                    + why));
            out.println(FeedsTable.render(feeds, states, Instant.now()));
            out.flush();
            return 0;
        }
    }

    /** {@code newshound feeds add}. */
    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Add a feed, or change its name or interval.")
    static final class Add implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin Cluster cluster;

        @Parameters(index = "0", paramLabel = "URL", description = "The feed's address.")
        String url;

        @Option(names = "--name", description = "The outlet's name (default: the feed's title).")
        String name;

        @Option(
                names = "--interval",
                paramLabel = "DURATION",
                converter = DurationConverter.class,
                description = "How often to poll it (default: ingest's poll-interval).")
        Duration interval;

        @Override
        public Integer call() throws Exception {
            Logging.configure("WARN", false);
            FeedDefinition definition = FeedDefinition.of(validUrl(url), name, interval);
            KafkaSettings kafka = cluster.kafka();
            write(
                    kafka,
                    kafka.topics().feeds(),
                    definition.id(),
                    kafka.topics().feeds().valueSerde().serializer().serialize(null, definition));
            spec.commandLine().getOut().println("added " + definition.id());
            return 0;
        }
    }

    /** {@code newshound feeds remove}. */
    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Stop polling a feed and forget its state.")
    static final class Remove implements Callable<Integer> {
        @Spec CommandSpec spec;
        @Mixin Cluster cluster;

        @Parameters(index = "0", paramLabel = "URL", description = "The feed's address, as added.")
        String url;

        @Override
        public Integer call() throws Exception {
            Logging.configure("WARN", false);
            KafkaSettings kafka = cluster.kafka();
            write(kafka, kafka.topics().feeds(), url, null);
            write(kafka, kafka.topics().feedState(), url, null);
            spec.commandLine().getOut().println("removed " + url);
            return 0;
        }
    }

    static String validUrl(String url) {
        if (!(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new ConfigException("not an http(s) URL: " + url);
        }
        return url;
    }

    private static void write(
            KafkaSettings kafka, EventTopic<String, ?> topic, String key, byte[] value)
            throws Exception {
        TopicAdmin.ensureTopics(kafka, List.of(topic));
        Properties props = kafka.clientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get(30, TimeUnit.SECONDS);
        }
    }
}
