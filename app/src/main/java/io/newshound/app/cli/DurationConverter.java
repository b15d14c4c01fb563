package io.newshound.app.cli;

import io.newshound.app.config.ConfigLoader;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Reads {@code 90s}, {@code 5m} and friends on the command line. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return ConfigLoader.duration(value);
    }
}
