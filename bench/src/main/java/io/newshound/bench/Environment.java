package io.newshound.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link BenchEnvironment} child process, seen from the benchmark. */
final class Environment implements AutoCloseable {
    private final Process process;
    final String bootstrap;
    final URI site;

    private Environment(Process process, String bootstrap, URI site) {
        this.process = process;
        this.bootstrap = bootstrap;
        this.site = site;
    }

    static Environment start(int feeds, String heap) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command =
                new ArrayList<>(
                        List.of(
                                java,
                                "-Xmx" + heap,
                                "-cp",
                                System.getProperty("java.class.path"),
                                BenchEnvironment.class.getName(),
                                Integer.toString(feeds)));
        Process process =
                new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("READY ")) {
            process.destroyForcibly();
            throw new IOException("the bench environment did not start: " + line);
        }
        String[] parts = line.split(" ");
        return new Environment(process, parts[1], URI.create(parts[2]));
    }

    /** The broker process's id, to read its CPU time. */
    long pid() {
        return process.pid();
    }

    URI feed(int i) {
        return URI.create(site + "/feed/" + i + ".xml");
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
