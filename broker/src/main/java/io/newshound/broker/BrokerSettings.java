package io.newshound.broker;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Map;

/**
 * How to start the embedded broker.
 *
 * @param dataDir where the broker keeps its logs and metadata; null means a fresh temporary
 *     directory, deleted on close
 * @param host the address the broker listens on and advertises
 * @param port the client port; 0 picks a free one
 * @param controllerPort the KRaft controller port; 0 picks a free one
 * @param overrides further broker properties, applied last
 */
public record BrokerSettings(
        @JsonProperty("data-dir") Path dataDir,
        @JsonProperty("host") String host,
        @JsonProperty("port") Integer port,
        @JsonProperty("controller-port") Integer controllerPort,
        @JsonProperty("overrides") Map<String, String> overrides) {

    public BrokerSettings {
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        port = port == null ? 0 : port;
        controllerPort = controllerPort == null ? 0 : controllerPort;
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        if (port < 0 || port > 65535 || controllerPort < 0 || controllerPort > 65535) {
            throw new IllegalArgumentException("broker ports must be between 0 and 65535");
        }
    }

    /** A broker on free loopback ports with its data in a temporary directory. */
    public static BrokerSettings defaults() {
        return new BrokerSettings(null, null, null, null, null);
    }

    public BrokerSettings withDataDir(Path dir) {
        return new BrokerSettings(dir, host, port, controllerPort, overrides);
    }

    public BrokerSettings withPort(int clientPort) {
        return new BrokerSettings(dataDir, host, clientPort, controllerPort, overrides);
    }
}
