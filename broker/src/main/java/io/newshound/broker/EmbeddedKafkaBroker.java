package io.newshound.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one node) running inside this
 * JVM.
 *
 * <p>It is the same broker code a production cluster runs, configured for one node: internal topics
 * with one replica, no initial rebalance delay. {@link #start} returns once the broker answers
 * clients; {@link #close} shuts it down and waits for it.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final boolean temporary;
    private final String bootstrapServers;
    private final int port;
    private boolean closed;

    private EmbeddedKafkaBroker(
            KafkaRaftServer server, Path dataDir, boolean temporary, String host, int port) {
        this.server = server;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.port = port;
        this.bootstrapServers = host + ":" + port;
    }

    /**
     * Formats the data directory when it is new, starts the broker and waits until it answers.
     *
     * @throws IllegalStateException with one line saying why the broker could not start
     */
    public static EmbeddedKafkaBroker start(BrokerSettings settings) {
        boolean temporary = settings.dataDir() == null;
        Path dataDir;
        try {
            dataDir =
                    temporary
                            ? Files.createTempDirectory("newshound-kafka-")
                            : Files.createDirectories(settings.dataDir().toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot create the broker's data directory " + settings.dataDir() + ": " + e,
                    e);
        }
        String host = settings.host();
        int port = settings.port() == 0 ? freePort(host) : settings.port();
        int controllerPort =
                settings.controllerPort() == 0 ? freePort(host) : settings.controllerPort();
        Properties props = brokerProperties(dataDir, host, port, controllerPort, settings);

        Path logs = dataDir.resolve("kraft");
        format(props, logs, dataDir.resolve("server.properties"));

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
        EmbeddedKafkaBroker broker =
                new EmbeddedKafkaBroker(server, dataDir, temporary, host, port);
        try {
            server.startup();
            broker.awaitReady();
        } catch (RuntimeException e) {
            broker.close();
            throw new IllegalStateException(
                    "cannot start the embedded Kafka broker on "
                            + host
                            + ":"
                            + port
                            + ": "
                            + rootMessage(e),
                    e);
        }
        log.info(
                "embedded Kafka broker ready at {} (data in {})", broker.bootstrapServers, dataDir);
        return broker;
    }

    /** The address clients connect to, {@code host:port}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Whether the data directory is deleted on close. */
    public boolean isTemporary() {
        return temporary;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("embedded Kafka broker did not shut down cleanly: {}", rootMessage(e));
        }
        if (temporary) {
            deleteRecursively(dataDir);
        }
        log.info("embedded Kafka broker at {} stopped", bootstrapServers);
    }

    static Properties brokerProperties(
            Path dataDir, String host, int port, int controllerPort, BrokerSettings settings) {
        Map<String, String> p = new TreeMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        p.put(
                "listeners",
                "PLAINTEXT://"
                        + host
                        + ":"
                        + port
                        + ",CONTROLLER://"
                        + host
                        + ":"
                        + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("kraft").toString());
        // One node: internal topics cannot have more than one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "10");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // Groups start at once: nobody else is going to join a laptop's broker late.
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created on purpose, with their partitions, never by a typo.
        p.put("auto.create.topics.enable", "false");
        // The default 128 MB cleaner buffer would sit in the host process's heap.
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        p.putAll(settings.overrides());
        Properties props = new Properties();
        props.putAll(p);
        return props;
    }

    private static void format(Properties props, Path logs, Path configFile) {
        if (Files.exists(logs.resolve("meta.properties"))) {
            return;
        }
        try (OutputStream out = Files.newOutputStream(configFile)) {
            props.store(out, "embedded Newshound broker");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + configFile, e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status =
                    StorageTool.execute(
                            new String[] {
                                "format",
                                "--cluster-id",
                                Uuid.randomUuid().toString(),
                                "--config",
                                configFile.toString(),
                                "--ignore-formatted"
                            },
                            print);
        }
        String text = output.toString(StandardCharsets.UTF_8).strip();
        if (status != 0) {
            throw new IllegalStateException(
                    "cannot format the broker's storage in " + logs + ": " + text);
        }
        log.debug("formatted {}: {}", logs, text);
    }

    private void awaitReady() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the broker");
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                "broker not ready after " + READY_TIMEOUT.toSeconds() + " s", e);
                    }
                }
            }
        }
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message =
                root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ");
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(
                            path -> {
                                try {
                                    Files.deleteIfExists(path);
                                } catch (IOException e) {
                                    log.debug("cannot delete {}: {}", path, e.getMessage());
                                }
                            });
        } catch (IOException e) {
            log.debug("cannot clean {}: {}", dir, e.getMessage());
        }
    }
}
