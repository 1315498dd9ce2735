package io.ferry.collector.cluster;

import java.time.Duration;
import java.util.List;

/**
 * The collector's {@code cluster:} section: several collectors behind a load balancer, joined with
 * Vert.x clustering on Hazelcast, so that each alert rule is evaluated once over all the points of
 * its series and each scheduled comparison runs once. Without the section the collector runs alone
 * and starts no Hazelcast.
 *
 * @param member this collector's own address ({@code member}, {@code host:port}): Hazelcast binds
 *     to it and the other members reach this one there; required
 * @param members where the cluster's members listen ({@code members}); this collector's own address
 *     may be among them; required, at least one
 * @param name the cluster's name ({@code name}); default {@value #DEFAULT_NAME}
 * @param secret a string every member shares ({@code secret} or {@code secret_file}): Hazelcast's
 *     open-source edition has no member authentication, so the cluster name Hazelcast sees is
 *     derived from {@code name} and this secret, and a node without it cannot join; required. Never
 *     shown by {@link #toString()}
 * @param eventBusPort the TCP port of the clustered event bus on {@code member}'s host ({@code
 *     event_bus_port}); 0 picks a free one; default {@value #DEFAULT_EVENT_BUS_PORT}
 * @param heartbeatInterval how often members tell each other they are alive ({@code
 *     heartbeat_interval}, whole seconds); default 1 s
 * @param failureTimeout how long a member may stay silent before the others remove it and take over
 *     its work ({@code failure_timeout}, whole seconds); default 10 s
 * @param mergeInterval how often a member looks for the other side of a split cluster to merge with
 *     once the network is back ({@code merge_interval}, whole seconds); default 60 s
 * @param forwardBuffer how many points waiting for the alert evaluator a collector holds at most
 *     ({@code forward_buffer}); a push whose points would pass it is answered 503 with {@code
 *     Retry-After} and kept by its sender; default {@value #DEFAULT_FORWARD_BUFFER}
 */
public record ClusteringConfig(
    ClusterAddress member,
    List<ClusterAddress> members,
    String name,
    String secret,
    int eventBusPort,
    Duration heartbeatInterval,
    Duration failureTimeout,
    Duration mergeInterval,
    int forwardBuffer) {

  /** Default of {@code name}. */
  public static final String DEFAULT_NAME = "ferry";

  /** Default of {@code event_bus_port}: 5711. */
  public static final int DEFAULT_EVENT_BUS_PORT = 5711;

  /** Default of {@code heartbeat_interval}: 1 second. */
  public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(1);

  /** Default of {@code failure_timeout}: 10 seconds. */
  public static final Duration DEFAULT_FAILURE_TIMEOUT = Duration.ofSeconds(10);

  /** Default of {@code merge_interval}: 60 seconds. */
  public static final Duration DEFAULT_MERGE_INTERVAL = Duration.ofSeconds(60);

  /** Default of {@code forward_buffer}: 100,000 points. */
  public static final int DEFAULT_FORWARD_BUFFER = 100_000;

  public ClusteringConfig {
    members = List.copyOf(members);
  }

  @Override
  public String toString() {
    return "ClusteringConfig[member="
        + member
        + ", members="
        + members
        + ", name="
        + name
        + ", secret=<redacted>, eventBusPort="
        + eventBusPort
        + ", heartbeatInterval="
        + heartbeatInterval
        + ", failureTimeout="
        + failureTimeout
        + ", mergeInterval="
        + mergeInterval
        + ", forwardBuffer="
        + forwardBuffer
        + "]";
  }
}
