package io.ferry.demo;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What {@link FleetBenchmark} runs, from system properties.
 *
 * @param agents simulated agents, each with its own host name and token ({@code
 *     ferry.benchmark.agents}, default 2,000)
 * @param duration how long the fleet pushes ({@code ferry.benchmark.duration}, ISO-8601, default
 *     {@code PT10M})
 * @param connections most HTTP connections the fleet's client keeps to the collector ({@code
 *     ferry.benchmark.connections}, default one per agent, as each agent keeps its own: with fewer,
 *     a request waits in the client behind others when the collector is slow, and that wait is
 *     counted in its response time)
 * @param profile whether the collector runs with a JFR recording ({@code ferry.benchmark.jfr},
 *     default false), written to {@code target/benchmarks/fleet-collector.jfr} at the end of the
 *     run
 * @param slos whether the collector tracks the two SLOs on the access-log series ({@code
 *     ferry.benchmark.slos}, default true); the shipped rules are on either way
 * @param heap the collector's heap limit, passed to the launcher as {@code FERRY_HEAP} ({@code
 *     ferry.benchmark.heap}, e.g. {@code 1g}); empty: the launcher's default
 * @param flushInterval the collector's {@code influxdb.flush_interval} ({@code
 *     ferry.benchmark.flushInterval}, e.g. {@code 20ms}); empty: the shipped default
 * @param maxExpectedWait the collector's {@code ingest.max_expected_wait} ({@code
 *     ferry.benchmark.maxExpectedWait}, e.g. {@code 5s}); empty: the shipped default
 */
record FleetSettings(
    int agents,
    Duration duration,
    int connections,
    boolean profile,
    boolean slos,
    Optional<String> heap,
    Optional<String> flushInterval,
    Optional<String> maxExpectedWait) {

  /** How often each agent pushes, as the agent's default {@code agent.interval}. */
  static final Duration INTERVAL = Duration.ofSeconds(10);

  /** How long one push may take before the agent gives up on the answer: the agent's default. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  /** How long the fleet may take after the run to deliver what it still holds. */
  static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);

  FleetSettings {
    if (agents < 1) {
      throw new IllegalArgumentException("ferry.benchmark.agents must be at least 1: " + agents);
    }
    if (duration.compareTo(INTERVAL) < 0) {
      throw new IllegalArgumentException(
          "ferry.benchmark.duration must be at least one interval (" + INTERVAL + "): " + duration);
    }
    if (connections < 1) {
      throw new IllegalArgumentException(
          "ferry.benchmark.connections must be at least 1: " + connections);
    }
  }

  static FleetSettings fromSystemProperties() {
    int agents = integer("ferry.benchmark.agents", 2_000);
    return new FleetSettings(
        agents,
        duration("ferry.benchmark.duration", Duration.ofMinutes(10)),
        integer("ferry.benchmark.connections", agents),
        Boolean.parseBoolean(System.getProperty("ferry.benchmark.jfr", "false")),
        Boolean.parseBoolean(System.getProperty("ferry.benchmark.slos", "true")),
        text("ferry.benchmark.heap"),
        text("ferry.benchmark.flushInterval"),
        text("ferry.benchmark.maxExpectedWait"));
  }

  private static Optional<String> text(String property) {
    return Optional.ofNullable(System.getProperty(property))
        .map(String::strip)
        .filter(value -> !value.isEmpty());
  }

  private static int integer(String property, int fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(property + " must be a whole number: " + value, e);
    }
  }

  private static Duration duration(String property, Duration fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Duration.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          property + " must be an ISO-8601 duration such as PT2M: " + value, e);
    }
  }
}
