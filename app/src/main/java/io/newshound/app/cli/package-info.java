/** The subcommands of {@code newshound}. */
package io.newshound.app.cli;
