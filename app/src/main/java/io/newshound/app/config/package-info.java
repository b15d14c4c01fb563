/** The {@code newshound.yml} configuration: its shape, defaults and loading with clear errors. */
package io.newshound.app.config;
