package io.newshound.alerts;

import com.sun.net.httpserver.HttpHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.newshound.alerts.delivery.AlertChannel;
import io.newshound.alerts.delivery.Channels;
import io.newshound.events.EventTopic;
import io.newshound.events.KafkaSettings;
import io.newshound.events.TopicAdmin;
import io.newshound.events.Topics;
import io.newshound.events.streams.ManagedStreams;
import io.newshound.ops.Health;
import io.newshound.ops.HealthCheck;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts service: routes new claims to the alerts topic ({@link AlertRouter}, exactly once) and
 * delivers every alert to the channels.
 */
public final class AlertsApp implements AutoCloseable {
    static final String SERVICE = "alerts";
    private static final Logger log = LoggerFactory.getLogger(AlertsApp.class);

    private final AlertsConfig config;
    private final KafkaSettings kafka;
    private final MeterRegistry registry;
    private final Consumer<String> console;
    private final AlertsMetrics metrics = new AlertsMetrics();
    private ManagedStreams streams;
    private AlertDispatcher dispatcher;
    private SubscriptionStore subscriptions;
    private SubscriptionsApi api;

    /**
     * @param console where the console channel writes its lines
     */
    public AlertsApp(
            AlertsConfig config,
            KafkaSettings kafka,
            MeterRegistry registry,
            Consumer<String> console) {
        this.config = config;
        this.kafka = kafka;
        this.registry = registry;
        this.console = console;
    }

    /** The topics alerts reads and writes. */
    public static List<EventTopic<?, ?>> topics(KafkaSettings kafka) {
        Topics topics = kafka.topics();
        return List.of(
                topics.claims(),
                topics.alerts(),
                topics.deliveries(),
                topics.deadLetters(),
                SubscriptionStore.subscriptionsTopic(kafka),
                SubscriptionStore.mutesTopic(kafka));
    }

    public synchronized void start() {
        if (streams != null) {
            throw new IllegalStateException("alerts is already started");
        }
        Topics topics = kafka.topics();
        TopicAdmin.ensureTopics(kafka, topics(kafka));
        metrics.bindTo(registry);
        Clock clock = Clock.systemUTC();
        subscriptions = new SubscriptionStore(kafka, config.subscriptions(), metrics, clock);
        subscriptions.start();
        streams =
                ManagedStreams.start(
                        SERVICE,
                        AlertRouter.build(
                                subscriptions, config.topicBudgets(), topics, metrics, clock),
                        streamsProperties(config, kafka, registry),
                        registry);

        Channels channels = new Channels(config.delivery().timeout(), ZoneId.systemDefault());
        Lanes lanes =
                new Lanes(
                        subscriptions::get,
                        subscriptions::isConfigured,
                        s -> open(channels, s),
                        config.delivery(),
                        metrics);
        dispatcher = new AlertDispatcher(kafka, lanes, metrics, clock);
        dispatcher.start();
        String token = config.effectiveApiToken();
        if (token != null) {
            if (token.length() < 16) {
                throw new IllegalArgumentException(
                        "the subscriptions API token must have at least 16 characters");
            }
            api = new SubscriptionsApi(subscriptions, token, config.smtp() != null, clock);
        }
        log.info(
                "alerts started (ops channels: {}; {} subscriptions in all; subscriptions API {})",
                String.join(", ", config.subscriptions().stream().map(Subscription::id).toList()),
                subscriptions.all().size(),
                api == null ? "off: no alerts.api-token or NEWSHOUND_API_TOKEN" : "on");
    }

    /** The subscriptions API, to serve under {@code /api/}; empty when no token is configured. */
    public Optional<HttpHandler> api() {
        return Optional.ofNullable(api);
    }

    /** The channel a subscription names. Adding a kind of channel: one class and one line here. */
    private AlertChannel open(Channels channels, Subscription s) {
        return switch (s.channel()) {
            case "console" -> channels.console(s.id(), console);
            case "slack" ->
                    s.token() == null
                            ? channels.slack(s.id(), s.url())
                            : channels.slackBot(s.id(), s.url(), s.token(), s.slackChannel());
            case "webhook" -> channels.webhook(s.id(), s.url(), s.secret());
            case "email" -> channels.email(s.id(), smtp(config.smtp()), s.to());
            default -> throw new IllegalArgumentException(s.id() + ": no channel " + s.channel());
        };
    }

    private static Channels.Smtp smtp(AlertsConfig.SmtpSettings smtp) {
        return new Channels.Smtp(
                smtp.host(),
                smtp.port(),
                smtp.username(),
                smtp.password(),
                smtp.startTls(),
                smtp.from(),
                smtp.timeout());
    }

    static Properties streamsProperties(
            AlertsConfig config, KafkaSettings kafka, MeterRegistry registry) {
        return ManagedStreams.properties(SERVICE, kafka, config.stateDir(), 1, registry);
    }

    /**
     * Ready while routing runs and the dispatcher has joined its group and been given its
     * partitions (none, when other instances hold them all).
     */
    public HealthCheck health() {
        return () -> {
            if (streams == null) {
                return Health.down("not started");
            }
            Health routing = streams.health().check();
            if (!routing.up()) {
                return routing;
            }
            return dispatcher.hasAssignment()
                    ? Health.up(routing.detail() + ", dispatching")
                    : Health.down(routing.detail() + ", dispatcher waiting for its partitions");
        };
    }

    /** Alive unless routing has failed for good or the dispatcher has stopped. */
    public HealthCheck liveness() {
        return () -> {
            if (streams == null) {
                return Health.down("not started");
            }
            Health routing = streams.liveness().check();
            if (!routing.up()) {
                return routing;
            }
            return dispatcher.isAlive()
                    ? routing
                    : Health.down("the alert dispatcher has stopped; see the log");
        };
    }

    @Override
    public synchronized void close() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (streams != null) {
            streams.close();
        }
        if (subscriptions != null) {
            subscriptions.close();
        }
    }
}
