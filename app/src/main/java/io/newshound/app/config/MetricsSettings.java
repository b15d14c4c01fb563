package io.newshound.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a process serves {@code /metrics} and {@code /health}.
 *
 * @param host the address to listen on
 * @param port the port; 0 picks a free one
 */
public record MetricsSettings(
        @JsonProperty("host") String host, @JsonProperty("port") Integer port) {
    public MetricsSettings {
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        port = port == null ? 9404 : port;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("metrics.port must be between 0 and 65535");
        }
    }

    public static MetricsSettings defaults() {
        return new MetricsSettings(null, null);
    }

    public MetricsSettings withPort(int p) {
        return new MetricsSettings(host, p);
    }
}
