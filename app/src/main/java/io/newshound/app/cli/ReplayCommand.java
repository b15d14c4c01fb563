package io.newshound.app.cli;

import io.newshound.events.Article;
import io.newshound.events.EventTopic;
import io.newshound.events.KafkaSettings;
import io.newshound.events.TopicAdmin;
import io.newshound.ingest.DirectorySource;
import io.newshound.ingest.extract.ArticleExtractor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newshound replay}: publishes a folder of article files to the articles topic. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Publish the .txt and .html files of each folder as articles, to replay an archive"
                    + " through the pipeline. A .txt file's first line is its title. Files are"
                    + " published in name order; each file keeps its id, so replaying twice"
                    + " adds only duplicates."
        })
public final class ReplayCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin Cluster cluster;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Folders to publish.")
    List<Path> dirs;

    @Option(names = "--outlet", description = "The outlet to credit (default: the folder's name).")
    String outlet;

    @Override
    public Integer call() throws Exception {
        Logging.configure("WARN", false);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        KafkaSettings kafka = cluster.kafka();
        EventTopic<String, Article> topic = kafka.topics().articles();
        TopicAdmin.ensureTopics(kafka, List.of(topic));
        DirectorySource source = new DirectorySource(new ArticleExtractor(), Clock.systemUTC());
        Properties props = kafka.clientProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        int status = 0;
        int published = 0;
        try (KafkaProducer<String, Article> producer =
                new KafkaProducer<>(
                        props, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (Path dir : dirs) {
                if (!Files.isDirectory(dir)) {
                    err.println("newshound: " + dir + ": not a folder");
                    status = 2;
                    continue;
                }
                List<String> problems = new ArrayList<>();
                List<Article> articles;
                try {
                    String credit =
                            outlet != null
                                    ? outlet
                                    : dir.toAbsolutePath().normalize().getFileName().toString();
                    articles = source.readAll(dir, credit, problems);
                } catch (IOException e) {
                    err.println("newshound: " + dir + ": " + e.getMessage());
                    status = 2;
                    continue;
                }
                problems.forEach(p -> err.println("newshound: " + p));
                status = problems.isEmpty() ? status : 2;
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                for (Article article : articles) {
                    sends.add(
                            producer.send(
                                    new ProducerRecord<>(topic.name(), article.id(), article)));
                }
                for (Future<RecordMetadata> send : sends) {
                    send.get(60, TimeUnit.SECONDS);
                }
                published += articles.size();
            }
        }
        out.println("published " + published + " articles to " + topic.name());
        return status;
    }
}
