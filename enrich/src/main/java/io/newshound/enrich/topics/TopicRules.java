package io.newshound.enrich.topics;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads topic rules from a {@code topics.yml} file:
 *
 * <pre>
 * topics:
 *   - name: witkoff
 *     query: 'Witkoff OR Віткофф OR Уиткофф'
 *   - name: talks
 *     query: 'title:talks OR "peace talks"'
 *     stemming: true
 * </pre>
 *
 * Each rule is read on its own: a rule with a missing name or an unknown key is reported with its
 * position and left out, and the others load. A file that is not YAML at all is an error.
 */
public final class TopicRules {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String DEFAULTS = "topics.yml";

    private TopicRules() {}

    /**
     * The rules read from a file, and one line per rule left out.
     *
     * @param rules the rules that were read, in file order
     * @param errors what was wrong with the others, each naming the file and the topic
     */
    public record Loaded(List<TopicRule> rules, List<String> errors) {
        public Loaded {
            rules = List.copyOf(rules);
            errors = List.copyOf(errors);
        }
    }

    /** The rules of {@code file}; throws {@link IllegalArgumentException} if it is unreadable. */
    public static Loaded load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** The topics shipped with Newshound: peace-plan, witkoff and donbas. */
    public static Loaded defaults() {
        try (InputStream in = TopicRules.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULTS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, e);
        }
    }

    /** The rules of a topics file's {@code text}; {@code source} names it in errors. */
    public static Loaded parse(String text, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    source + ": not valid YAML: " + e.getOriginalMessage() + where(e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new Loaded(List.of(), List.of());
        }
        JsonNode list = root.isArray() ? root : root.get("topics");
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(
                    source + ": expected a list of topics under 'topics:'");
        }
        List<TopicRule> rules = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String label =
                    node.hasNonNull("name")
                            ? node.get("name").asText()
                            : "#" + (i + 1) + " (no name)";
            try {
                rules.add(YAML.treeToValue(node, TopicRule.class));
            } catch (UnrecognizedPropertyException e) {
                errors.add(
                        source
                                + ": topic "
                                + label
                                + ": unknown key '"
                                + e.getPropertyName()
                                + "' (known: name, query, keywords, stemming)");
            } catch (JacksonException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                String message =
                        cause instanceof IllegalArgumentException
                                ? cause.getMessage()
                                : e.getOriginalMessage();
                errors.add(source + ": topic " + label + ": " + message.replaceAll("\\s+", " "));
            }
        }
        return new Loaded(rules, errors);
    }

    private static String where(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }
}
