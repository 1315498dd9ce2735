package io.ferry.collector.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.CollectorConfigLoader;
import io.ferry.yamlconfig.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusteringConfigReaderTest {

  private static final String BASE =
      "auth:\n  tokens:\n    - {name: fleet, token: s3cret}\ncluster:\n";

  @TempDir Path dir;

  private CollectorConfig parse(String cluster) {
    return new CollectorConfigLoader().parse(BASE + cluster, "collector.yml", dir);
  }

  @Test
  void withoutTheSectionTheCollectorRunsAlone() {
    CollectorConfig config =
        new CollectorConfigLoader()
            .parse("auth:\n  tokens:\n    - {name: fleet, token: s3cret}\n", "collector.yml", dir);
    assertThat(config.cluster()).isEmpty();
  }

  @Test
  void aMinimalSectionGetsTheDefaults() {
    ClusteringConfig cluster =
        parse(
                "  member: 10.0.0.11:5701\n"
                    + "  members: [10.0.0.11:5701, 10.0.0.12]\n"
                    + "  secret: a-long-shared-secret\n")
            .cluster()
            .orElseThrow();

    assertThat(cluster.member()).isEqualTo(new ClusterAddress("10.0.0.11", 5701));
    assertThat(cluster.members())
        .containsExactly(
            new ClusterAddress("10.0.0.11", 5701), new ClusterAddress("10.0.0.12", 5701));
    assertThat(cluster.name()).isEqualTo("ferry");
    assertThat(cluster.eventBusPort()).isEqualTo(5711);
    assertThat(cluster.heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(cluster.failureTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(cluster.forwardBuffer()).isEqualTo(100_000);
    assertThat(cluster.mergeInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(cluster.toString()).doesNotContain("a-long-shared-secret");
  }

  @Test
  void theSampleSectionShowsTheCodeDefaults() throws Exception {
    List<String> sample = Files.readAllLines(Path.of("src/dist/collector.yml"));
    int start = sample.indexOf("# cluster:");
    assertThat(start).as("the sample's cluster section").isNotNegative();
    StringBuilder section = new StringBuilder(BASE.replace("cluster:\n", ""));
    for (String line : sample.subList(start, sample.size())) {
      section.append(line.substring(2)).append('\n');
    }
    ClusteringConfig cluster =
        new CollectorConfigLoader(Map.of("FERRY_CLUSTER_SECRET", "from-the-environment")::get)
            .parse(section.toString(), "collector.yml", dir)
            .cluster()
            .orElseThrow();

    assertThat(cluster.name()).isEqualTo(ClusteringConfig.DEFAULT_NAME);
    assertThat(cluster.eventBusPort()).isEqualTo(ClusteringConfig.DEFAULT_EVENT_BUS_PORT);
    assertThat(cluster.heartbeatInterval()).isEqualTo(ClusteringConfig.DEFAULT_HEARTBEAT_INTERVAL);
    assertThat(cluster.failureTimeout()).isEqualTo(ClusteringConfig.DEFAULT_FAILURE_TIMEOUT);
    assertThat(cluster.forwardBuffer()).isEqualTo(ClusteringConfig.DEFAULT_FORWARD_BUFFER);
    assertThat(cluster.mergeInterval()).isEqualTo(ClusteringConfig.DEFAULT_MERGE_INTERVAL);
    assertThat(cluster.member().port()).isEqualTo(ClusterAddress.DEFAULT_PORT);
    assertThat(cluster.secret()).isEqualTo("from-the-environment");
  }

  @Test
  void theSecretMayComeFromAFile() throws Exception {
    Files.writeString(dir.resolve("cluster.secret"), "secret-from-a-file-0123\n");
    ClusteringConfig cluster =
        parse("  member: h1\n  members: [h1, h2]\n  secret_file: cluster.secret\n")
            .cluster()
            .orElseThrow();
    assertThat(cluster.secret()).isEqualTo("secret-from-a-file-0123");
  }

  @Test
  void theSecretChangesTheNameHazelcastCompares() {
    var base =
        new ClusteringConfig(
            new ClusterAddress("h1", 5701),
            List.of(new ClusterAddress("h1", 5701)),
            "ferry",
            "first-secret-0123456",
            0,
            Duration.ofSeconds(1),
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            1_000);
    var other =
        new ClusteringConfig(
            base.member(),
            base.members(),
            "ferry",
            "other-secret-0123456",
            0,
            Duration.ofSeconds(1),
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            1_000);
    assertThat(HazelcastSettings.clusterName(base))
        .startsWith("ferry-")
        .isNotEqualTo(HazelcastSettings.clusterName(other))
        .doesNotContain("first-secret");
  }

  @Test
  void badValuesNameTheFileTheLineAndTheKey() {
    assertProblem(
        "  members: [h1]\n  secret: a-long-shared-secret\n",
        "collector.yml line 5: cluster.member: is required");
    assertProblem(
        "  member: h1:99999\n  members: [h1]\n  secret: a-long-shared-secret\n",
        "collector.yml line 5: cluster.member:");
    assertProblem(
        "  member: h1\n  members: [h1, 'h2:x']\n  secret: a-long-shared-secret\n",
        "cluster.members: 'h2:x' is not an address");
    assertProblem(
        "  member: h1\n  members: [h1]\n", "cluster.secret: is required (or secret_file)");
    assertProblem(
        "  member: h1\n  members: [h1]\n  secret: short\n",
        "collector.yml line 7: cluster.secret: must be at least 16 characters long");
    assertProblem(
        "  member: h1\n  members: [h1]\n  secret: a-long-shared-secret\n  failure_timeout: 1500ms\n",
        "collector.yml line 8: cluster.failure_timeout: must be a whole number of seconds");
    assertProblem(
        "  member: h1\n  members: [h1]\n  secret: a-long-shared-secret\n"
            + "  heartbeat_interval: 5s\n  failure_timeout: 5s\n",
        "cluster.failure_timeout: must be at least twice heartbeat_interval");
    assertProblem(
        "  member: h1\n  members: [h1]\n  secret: a-long-shared-secret\n  heartbeat_intervl: 1s\n",
        "collector.yml line 8: cluster.heartbeat_intervl: unknown key (did you mean"
            + " cluster.heartbeat_interval?)");
  }

  private void assertProblem(String cluster, String message) {
    assertThatThrownBy(() -> parse(cluster))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }

  @Test
  void addressesParseWithAndWithoutPort() {
    assertThat(ClusterAddress.parse("db-1.lan:5702"))
        .contains(new ClusterAddress("db-1.lan", 5702));
    assertThat(ClusterAddress.parse("10.0.0.1")).contains(new ClusterAddress("10.0.0.1", 5701));
    assertThat(ClusterAddress.parse("h:0")).isEmpty();
    assertThat(ClusterAddress.parse(":5701")).isEmpty();
    assertThat(ClusterAddress.parse("::1")).isEqualTo(Optional.empty());
    assertThat(ClusterAddress.parse("http://h:5701")).isEmpty();
  }
}
