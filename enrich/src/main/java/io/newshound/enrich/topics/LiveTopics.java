package io.newshound.enrich.topics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topic rules in force, reloaded from their file when it changes, without a restart. A reload
 * that fails as a whole (the file is gone or is not YAML) keeps the rules in force; a rule that
 * does not parse is left out and logged with its topic name, and the others take effect.
 *
 * <p>A tagger that was replaced is closed a while later, once any article being matched against it
 * is done.
 */
public final class LiveTopics implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveTopics.class);
    private static final Duration RETIRE_AFTER = Duration.ofSeconds(30);

    private final Path file;
    private final ScheduledExecutorService timer;
    private final List<Consumer<TopicTagger>> listeners = new ArrayList<>();
    private volatile TopicTagger current;
    private FileTime loadedVersion;
    private long loadedSize = -1;
    private String lastError;
    private final java.util.Set<TopicTagger> retired =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    private LiveTopics(Path file, TopicTagger first, Duration every) {
        this.file = file;
        this.current = first;
        if (file != null) {
            this.timer =
                    Executors.newSingleThreadScheduledExecutor(
                            r -> {
                                Thread t = new Thread(r, "newshound-topics-reload");
                                t.setDaemon(true);
                                return t;
                            });
            if (every != null) {
                long ms = Math.max(100, every.toMillis());
                timer.scheduleWithFixedDelay(this::reloadIfChanged, ms, ms, TimeUnit.MILLISECONDS);
            }
        } else {
            this.timer = null;
        }
    }

    /** Fixed rules, never reloaded. Rules that do not parse are logged and left out. */
    public static LiveTopics of(List<TopicRule> rules, String source) {
        return new LiveTopics(null, compile(rules, List.of(), source), null);
    }

    /**
     * The rules of {@code file}, checked for changes every {@code every} (null: never). Throws
     * {@link IllegalArgumentException} when the file cannot be read at start.
     */
    public static LiveTopics watching(Path file, Duration every) {
        Objects.requireNonNull(file, "file");
        FileTime version = modified(file);
        long size = size(file);
        TopicRules.Loaded loaded = TopicRules.load(file);
        LiveTopics topics =
                new LiveTopics(
                        file, compile(loaded.rules(), loaded.errors(), file.toString()), every);
        topics.loadedVersion = version;
        topics.loadedSize = size;
        return topics;
    }

    private static TopicTagger compile(List<TopicRule> rules, List<String> readErrors, String src) {
        TopicTagger tagger = TopicTagger.compile(rules);
        readErrors.forEach(e -> log.error("{}; the other topics are in force", e));
        tagger.errors().forEach(e -> log.error("{}: {}; the other topics are in force", src, e));
        return tagger;
    }

    /** The tagger of the rules in force. */
    public TopicTagger current() {
        return current;
    }

    /** Calls {@code listener} with each new tagger after a reload. */
    public synchronized void onReload(Consumer<TopicTagger> listener) {
        listeners.add(listener);
    }

    /** Reloads the file if it changed since it was last read; true when new rules took effect. */
    public synchronized boolean reloadIfChanged() {
        if (file == null) {
            return false;
        }
        try {
            FileTime version = modified(file);
            long size = size(file);
            if (version.equals(loadedVersion) && size == loadedSize) {
                return false;
            }
            loadedVersion = version;
            loadedSize = size;
            lastError = null;
            TopicRules.Loaded loaded = TopicRules.load(file);
            TopicTagger next = compile(loaded.rules(), loaded.errors(), file.toString());
            TopicTagger previous = current;
            current = next;
            log.info("{}: reloaded, {} topics in force", file, next.topics().size());
            listeners.forEach(l -> l.accept(next));
            retire(previous);
            return true;
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().equals(lastError)) { // once, not at every check
                lastError = e.getMessage();
                log.error(
                        "{}; keeping the {} topics in force",
                        e.getMessage(),
                        current.topics().size());
            }
            return false;
        } catch (RuntimeException e) {
            log.error("{}: reload failed: {}; keeping the topics in force", file, e.toString());
            return false;
        }
    }

    private void retire(TopicTagger previous) {
        retired.add(previous);
        timer.schedule(
                () -> {
                    if (retired.remove(previous)) {
                        previous.close();
                    }
                },
                RETIRE_AFTER.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        retired.forEach(TopicTagger::close);
        retired.clear();
        current.close();
    }
}
