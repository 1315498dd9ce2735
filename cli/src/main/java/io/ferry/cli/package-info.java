/**
 * The {@code ferry} command ({@link io.ferry.cli.FerryCommand}): {@code collector} runs the
 * collector daemon, {@code check-config} checks its configuration; {@code compare} (in {@code
 * io.ferry.cli.compare}, with the progress bar and the terminal summary) compares the old and new
 * clusters; {@code alerts} (in {@code io.ferry.cli.alerts}) checks rule files and manages silences
 * and maintenance windows through a running collector's API. Everything that needs a terminal lives
 * here, never in the collector.
 */
package io.ferry.cli;
