package io.newshound.app.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Reads {@code newshound.yml} and the topic rules, turning every mistake into one clear line. */
public final class ConfigLoader {
    private static final ObjectMapper YAML =
            YAMLMapper.builder(new YAMLFactory())
                    .addModule(new JavaTimeModule())
                    .addModule(new SimpleModule().addDeserializer(Duration.class, new Durations()))
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .build();

    private ConfigLoader() {}

    /**
     * Loads the configuration in {@code file}.
     *
     * @throws ConfigException naming the file, the place and the problem
     */
    public static NewshoundConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read it (" + e.getMessage() + ")", e);
        }
        NewshoundConfig config = parse(text, file.toString());
        // A topics file named relative to the configuration is found beside it.
        Path topics = config.enrich().topicsFile();
        if (topics != null && !topics.isAbsolute() && file.toAbsolutePath().getParent() != null) {
            config =
                    config.withEnrich(
                            config.enrich()
                                    .withTopicsFile(
                                            file.toAbsolutePath().getParent().resolve(topics),
                                            config.enrich().topicsReload()));
        }
        return config;
    }

    /** Parses configuration {@code text}; {@code name} is how errors refer to it. */
    public static NewshoundConfig parse(String text, String name) {
        if (text.isBlank()) {
            return new NewshoundConfig(null, null, null, null, null, null, null);
        }
        return read(text, name, NewshoundConfig.class);
    }

    /** Parses a duration as the configuration writes it: {@code 30s}, {@code 5m}, {@code 7d}. */
    public static Duration duration(String text) {
        return Durations.parse(text);
    }

    private static <T> T read(String text, String name, Class<T> type) {
        try {
            T value = YAML.readValue(text, type);
            if (value == null) {
                throw new ConfigException(name + ": empty");
            }
            return value;
        } catch (JacksonException e) {
            throw new ConfigException(name + ": " + describe(e, text), e);
        }
    }

    static String describe(JacksonException e, String text) {
        String where = "";
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            where = path(jme.getPath());
        }
        // Records are built once their whole block is read, so Jackson's location points past
        // the block; the key's own line is found in the text, and a refused value is located by
        // its path instead.
        String line = e instanceof JsonMappingException ? "" : lineOf(e.getLocation());
        if (e instanceof UnrecognizedPropertyException u) {
            String parent = where.contains(".") ? where.substring(0, where.lastIndexOf('.')) : "";
            return "unknown key '"
                    + u.getPropertyName()
                    + "'"
                    + (parent.isEmpty() ? "" : " under " + parent)
                    + lineOfKey(text, String.valueOf(u.getPropertyName()))
                    + " (known: "
                    + known(u.getKnownPropertyIds())
                    + ")";
        }
        String problem;
        if (e instanceof ValueInstantiationException vie && vie.getCause() != null) {
            problem = vie.getCause().getMessage();
        } else {
            problem = e.getOriginalMessage();
        }
        problem = problem.replaceAll("\\s+", " ").strip();
        return (where.isEmpty() ? "" : where + ": ") + problem + line;
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String lineOfKey(String text, String key) {
        String[] lines = text.split("\n", -1);
        String plain = key + ":";
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.startsWith(plain) || l.startsWith("- " + plain)) {
                return " (line " + (i + 1) + ")";
            }
        }
        return "";
    }

    private static String lineOf(JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? ""
                : " (line " + location.getLineNr() + ")";
    }

    private static String known(Collection<Object> ids) {
        return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }
}
