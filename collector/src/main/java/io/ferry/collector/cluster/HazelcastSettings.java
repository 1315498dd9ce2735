package io.ferry.collector.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Hazelcast member configuration of a {@code cluster:} section: Vert.x's own maps (from its
 * default configuration), TCP/IP join on the listed members only (no multicast, no cloud
 * discovery), bound to this member's address, with the configured heartbeat and failure timeout,
 * and nothing phoned home.
 */
final class HazelcastSettings {

  private HazelcastSettings() {}

  static Config of(ClusteringConfig cluster) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(clusterName(cluster));
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    // Vert.x leaves the cluster in its own shutdown, after the collector has stopped.
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty(
        "hazelcast.heartbeat.interval.seconds",
        Long.toString(cluster.heartbeatInterval().toSeconds()));
    config.setProperty(
        "hazelcast.max.no.heartbeat.seconds", Long.toString(cluster.failureTimeout().toSeconds()));
    // After a split, how soon and how often a member looks for the other side to merge with.
    String merge = Long.toString(cluster.mergeInterval().toSeconds());
    config.setProperty("hazelcast.merge.first.run.delay.seconds", merge);
    config.setProperty("hazelcast.merge.next.run.delay.seconds", merge);
    // A member alone must not wait long for others before it starts on its own.
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    config.setProperty("hazelcast.local.localAddress", cluster.member().host());
    config.setProperty("hazelcast.socket.bind.any", "false");
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(cluster.member().port()).setPortAutoIncrement(false);
    network.setPublicAddress(cluster.member().toString());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig()
        .setEnabled(true)
        .setConnectionTimeoutSeconds(2)
        .setMembers(cluster.members().stream().map(ClusterAddress::toString).toList());
    return config;
  }

  /**
   * The name Hazelcast compares when a node asks to join: the configured name and a digest of the
   * secret, so that a node without the secret is refused.
   */
  static String clusterName(ClusteringConfig cluster) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((cluster.name() + "\n" + cluster.secret()).getBytes(StandardCharsets.UTF_8));
      return cluster.name() + "-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
