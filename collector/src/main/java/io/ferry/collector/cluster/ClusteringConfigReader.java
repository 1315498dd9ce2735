package io.ferry.collector.cluster;

import io.ferry.yamlconfig.ConfigMapping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads and checks the {@code cluster:} section of {@code collector.yml}. */
public final class ClusteringConfigReader {

  private static final String ADDRESS = "host:port, e.g. 10.0.0.11:5701";

  private ClusteringConfigReader() {}

  /** The section's settings; errors name the file, the line and the key. */
  public static ClusteringConfig read(ConfigMapping cluster) {
    ClusterAddress member =
        cluster
            .parsed("member", ADDRESS, ClusterAddress::parse)
            .orElseThrow(
                () -> cluster.problem("member", "is required: this collector's " + ADDRESS));
    List<ClusterAddress> members = new ArrayList<>();
    for (String text : cluster.stringList("members", List.of())) {
      members.add(
          ClusterAddress.parse(text)
              .orElseThrow(
                  () ->
                      cluster.problem(
                          "members", "'" + text + "' is not an address (" + ADDRESS + ")")));
    }
    if (members.isEmpty()) {
      throw cluster.problem(
          "members", "list at least one member's address (" + ADDRESS + ") to join");
    }
    String name = cluster.string("name", ClusteringConfig.DEFAULT_NAME);
    if (name.isBlank()) {
      throw cluster.problem("name", "must not be empty");
    }
    String secret =
        cluster
            .secret("secret")
            .orElseThrow(
                () ->
                    cluster.problem(
                        "secret",
                        "is required (or secret_file): a string every member shares, so that"
                            + " no stray node joins"));
    if (secret.length() < 16) {
      throw cluster.problem("secret", "must be at least 16 characters long");
    }
    int eventBusPort =
        cluster.integer("event_bus_port", ClusteringConfig.DEFAULT_EVENT_BUS_PORT, 0, 65535);
    if (eventBusPort != 0 && eventBusPort == member.port()) {
      throw cluster.problem("event_bus_port", "must differ from member's port " + member.port());
    }
    Duration heartbeat =
        wholeSeconds(cluster, "heartbeat_interval", ClusteringConfig.DEFAULT_HEARTBEAT_INTERVAL);
    Duration failure =
        wholeSeconds(cluster, "failure_timeout", ClusteringConfig.DEFAULT_FAILURE_TIMEOUT);
    if (failure.compareTo(heartbeat.multipliedBy(2)) < 0) {
      throw cluster.problem(
          "failure_timeout",
          "must be at least twice heartbeat_interval ("
              + heartbeat.toSeconds()
              + "s), or members are removed between two heartbeats");
    }
    Duration merge =
        wholeSeconds(cluster, "merge_interval", ClusteringConfig.DEFAULT_MERGE_INTERVAL);
    int forwardBuffer =
        cluster.integer(
            "forward_buffer", ClusteringConfig.DEFAULT_FORWARD_BUFFER, 1_000, 100_000_000);
    cluster.rejectUnknownKeys();
    return new ClusteringConfig(
        member, members, name, secret, eventBusPort, heartbeat, failure, merge, forwardBuffer);
  }

  // Hazelcast counts heartbeats in whole seconds.
  private static Duration wholeSeconds(ConfigMapping cluster, String key, Duration defaultValue) {
    Duration value = cluster.duration(key, defaultValue);
    if (value.isNegative() || value.isZero() || value.toNanos() % 1_000_000_000L != 0) {
      throw cluster.problem(key, "must be a whole number of seconds, at least 1s");
    }
    return value;
  }
}
