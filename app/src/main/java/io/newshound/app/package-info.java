/**
 * The {@code newshound} command: {@link io.newshound.app.Newshound} is its entry point and {@link
 * io.newshound.app.Pipeline} runs the services it is asked for in one process.
 */
package io.newshound.app;
