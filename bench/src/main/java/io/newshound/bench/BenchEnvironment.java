package io.newshound.bench;

import io.newshound.broker.BrokerSettings;
import io.newshound.broker.EmbeddedKafkaBroker;
import java.io.IOException;

/**
 * The parts a benchmark measures against, in a process of their own so that their memory and
 * threads are not counted as Newshound's: an embedded Kafka broker and the bench site. Prints
 * {@code READY <bootstrap> <site>} and runs until its standard input closes.
 */
public final class BenchEnvironment {
    private BenchEnvironment() {}

    public static void main(String[] args) throws IOException {
        int feeds = Integer.parseInt(args[0]);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.defaults());
                BenchSite site = new BenchSite(feeds, 8)) {
            System.out.println("READY " + broker.bootstrapServers() + " " + site.base());
            System.out.flush();
            // The parent closes our input when it is done (or dies): then we stop.
            while (System.in.read() >= 0) {
                // keep reading
            }
        }
    }
}
