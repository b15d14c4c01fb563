package io.newshound.ops;

/** Something {@code /health} asks: a service's view of whether it works. */
@FunctionalInterface
public interface HealthCheck {
    Health check();
}
