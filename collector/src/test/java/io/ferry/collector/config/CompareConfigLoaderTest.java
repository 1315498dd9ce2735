package io.ferry.collector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ferry.collector.compare.MySqlDsn;
import io.ferry.cutover.ComparisonOptions;
import io.ferry.cutover.Node;
import io.ferry.cutover.Phase;
import io.ferry.cutover.data.LoadLimit;
import io.ferry.cutover.data.TableFilter;
import io.ferry.yamlconfig.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code compare:} section of {@code collector.yml}. */
class CompareConfigLoaderTest {

  private static final String MINIMAL = "auth:\n  tokens:\n    - {name: fleet, token: s3cret}\n";
  private static final String CLUSTERS =
      "compare:\n"
          + "  old: {primary: mysql://ferry@old-db1:3306}\n"
          + "  new: {primary: mysql://ferry@new-db1:3306}\n";

  private final CollectorConfigLoader loader =
      new CollectorConfigLoader(
          Map.of(
                  "FERRY_TOKEN", "from-env",
                  "FERRY_OLD_PASSWORD", "old-pw",
                  "FERRY_NEW_PASSWORD", "new-pw")
              ::get);

  @TempDir Path dir;

  private CollectorConfig parse(String yaml) {
    return loader.parse(yaml, "collector.yml", dir);
  }

  @Test
  void withoutTheSectionTheComparisonIsOff() {
    assertThat(parse(MINIMAL).compare()).isEmpty();
    assertThat(parse(MINIMAL + "compare:\n").compare()).isEmpty();
  }

  @Test
  void theSampleSectionUncommentedParsesAndShowsTheCodeDefaults() throws Exception {
    String sample = Files.readString(Path.of("src/dist/collector.yml"));
    int start = sample.indexOf("# compare:");
    assertThat(start).as("commented compare: section in the sample").isPositive();
    int end = sample.indexOf("\n\n", start);
    String uncommented =
        sample.substring(0, start)
            + sample.substring(start, end < 0 ? sample.length() : end).replaceAll("(?m)^# ?", "");

    CompareConfig compare = parse(uncommented).compare().orElseThrow();

    assertThat(uncommented)
        .contains(
            "max_lag:",
            "max_load:",
            "chunk_time:",
            "chunk_size_min:",
            "chunk_size_max:",
            "chunk_parallelism:",
            "show_values:",
            "data_on_replicas:",
            "gtid_wait_timeout:");
    assertThat(compare.oldCluster().primary())
        .isEqualTo(new MySqlDsn("ferry", Optional.empty(), "old-db1", 3306));
    assertThat(compare.oldCluster().replicas())
        .containsExactly(new MySqlDsn("ferry", Optional.empty(), "old-db2", 3306));
    assertThat(compare.oldCluster().password()).isEqualTo("old-pw");
    assertThat(compare.newCluster().password()).isEqualTo("new-pw");
    assertThat(compare.phase()).isEqualTo(CompareConfig.DEFAULT_PHASE);
    assertThat(compare.tableFilter()).isEqualTo(TableFilter.ALL);
    assertThat(compare.throttling()).isEqualTo(CompareThrottling.DEFAULTS);
    assertThat(compare.options().maxReplicaLag())
        .isEqualTo(ComparisonOptions.defaults().maxReplicaLag());
    assertThat(compare.expectedDifferences()).isEmpty();
    assertThat(compare.options().dataOnReplicas())
        .isEqualTo(ComparisonOptions.defaults().dataOnReplicas());
    assertThat(compare.options().gtidWaitTimeout())
        .isEqualTo(ComparisonOptions.defaults().gtidWaitTimeout());
    assertThat(compare.schedule()).isEqualTo(CompareConfig.DEFAULT_SCHEDULE);
    assertThat(compare.scheduled()).isFalse();
    assertThat(compare.reportDir()).isEmpty();
  }

  @Test
  void everyOptionIsReadAndBecomesTopologyAndOptions() throws Exception {
    Files.writeString(dir.resolve("new.password"), "pw-from-file\n");

    CompareConfig compare =
        parse(
                MINIMAL
                    + "compare:\n"
                    + "  old:\n"
                    + "    primary: mysql://ferry@10.0.0.1:3307\n"
                    + "    replicas: [ferry@10.0.0.2, \"mysql://admin:own-pw@10.0.0.3\"]\n"
                    + "    password: ${FERRY_OLD_PASSWORD}\n"
                    + "  new: {primary: mariadb://ferry@10.1.0.1, password_file: new.password}\n"
                    + "  phase: post\n"
                    + "  include: [blog, 'users.*']\n"
                    + "  exclude: [blog.sessions]\n"
                    + "  max_lag: 30s\n"
                    + "  max_load: Threads_running=40,Threads_connected=900\n"
                    + "  chunk_time: 500ms\n"
                    + "  chunk_size_min: 100\n"
                    + "  chunk_size_max: 5000\n"
                    + "  chunk_parallelism: 1\n"
                    + "  show_values: true\n"
                    + "  data_on_replicas: true\n"
                    + "  gtid_wait_timeout: 1m\n"
                    + "  expect_differences: [innodb_buffer_pool_size]\n"
                    + "  schedule: 15m\n"
                    + "  report_dir: reports\n")
            .compare()
            .orElseThrow();

    assertThat(compare.phase()).isEqualTo(Phase.POST);
    assertThat(compare.tableFilter())
        .isEqualTo(new TableFilter(List.of("blog", "users.*"), List.of("blog.sessions")));
    assertThat(compare.throttling())
        .isEqualTo(
            new CompareThrottling(
                Duration.ofSeconds(30),
                List.of(
                    new LoadLimit("Threads_running", 40), new LoadLimit("Threads_connected", 900)),
                Duration.ofMillis(500),
                100,
                5000,
                1));
    assertThat(compare.options().chunkParallelism()).isEqualTo(1);
    assertThat(compare.options().showValues()).isTrue();
    assertThat(compare.options().dataOnReplicas()).isTrue();
    assertThat(compare.options().gtidWaitTimeout()).isEqualTo(Duration.ofMinutes(1));
    assertThat(compare.options().maxChunkRows()).isEqualTo(5000);
    assertThat(compare.expectedDifferences()).containsExactly("innodb_buffer_pool_size");
    assertThat(compare.schedule()).isEqualTo(Duration.ofMinutes(15));
    assertThat(compare.reportDir()).contains(dir.resolve("reports"));
    assertThat(compare.topology().allNodes())
        .extracting(Node::name, Node::jdbcUrl, Node::user, Node::password)
        .containsExactly(
            tuple("old-primary", "jdbc:mysql://10.0.0.1:3307/", "ferry", "old-pw"),
            tuple("old-replica-1", "jdbc:mysql://10.0.0.2:3306/", "ferry", "old-pw"),
            tuple("old-replica-2", "jdbc:mysql://10.0.0.3:3306/", "admin", "own-pw"),
            tuple("new-primary", "jdbc:mysql://10.1.0.1:3306/", "ferry", "pw-from-file"));
    var options = compare.options();
    assertThat(options.phase()).isEqualTo(Phase.POST);
    assertThat(options.maxReplicaLag()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.expectedConfigDifferences()).containsExactly("innodb_buffer_pool_size");
    assertThat(options.tableFilter().covers("blog", "posts")).isTrue();
    assertThat(options.tableFilter().covers("blog", "sessions")).isFalse();
  }

  @Test
  void aBadDsnNamesTheKeyAndTheLine() {
    assertThatThrownBy(
            () ->
                parse(
                    MINIMAL
                        + "compare:\n"
                        + "  old:\n"
                        + "    primary: postgres://ferry@old-db1\n"
                        + "  new: {primary: mysql://ferry@new-db1}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "collector.yml line 6: compare.old.primary: DSN 'postgres://ferry@old-db1' is not"
                + " valid: the scheme must be mysql:// (or mariadb://)");
    assertThatThrownBy(
            () ->
                parse(
                    MINIMAL
                        + "compare:\n"
                        + "  old: {primary: mysql://ferry@old-db1}\n"
                        + "  new: {primary: mysql://ferry@new-db1, replicas: ['new-db2:3306']}\n"))
        .hasMessage(
            "collector.yml line 6: compare.new.replicas: DSN 'new-db2:3306' names no user"
                + " (mysql://user@host:port)");
  }

  @Test
  void aPasswordInABadDsnIsNotRepeated() {
    assertThatThrownBy(
            () ->
                parse(
                    MINIMAL
                        + "compare:\n"
                        + "  old: {primary: 'ftp://ferry:hunter2@old-db1'}\n"
                        + "  new: {primary: mysql://ferry@new-db1}\n"))
        .hasMessageContaining("compare.old.primary")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void badValuesNameKeyLineAndWhatWasExpected() {
    assertThatThrownBy(() -> parse(MINIMAL + "compare:\n  new: {primary: mysql://u@h}\n"))
        .hasMessage(
            "collector.yml line 5: compare.old: is required: the old cluster's primary and"
                + " replicas");
    assertThatThrownBy(() -> parse(MINIMAL + "compare:\n  old: {replicas: [u@h]}\n"))
        .hasMessage("collector.yml line 5: compare.old.primary: is required");
    assertThatThrownBy(() -> parse(MINIMAL + CLUSTERS + "  phase: during\n"))
        .hasMessage("collector.yml line 7: compare.phase: expected pre or post, got \"during\"");
    assertThatThrownBy(() -> parse(MINIMAL + CLUSTERS + "  schedule: hourly\n"))
        .hasMessage(
            "collector.yml line 7: compare.schedule: expected a duration such as 30m or 6h, or 0s"
                + " for on demand only, got \"hourly\"");
    assertThatThrownBy(() -> parse(MINIMAL + CLUSTERS + "  include: [a.b.c]\n"))
        .hasMessage(
            "collector.yml line 7: compare.include: table filter include pattern must be"
                + " 'database' or 'database.table', was 'a.b.c'");
    assertThatThrownBy(() -> parse(MINIMAL + CLUSTERS + "  max_load: Threads_running\n"))
        .hasMessageStartingWith("collector.yml line 7: compare.max_load: expected VARIABLE=MAX");
    assertThatThrownBy(
            () -> parse(MINIMAL + CLUSTERS + "  chunk_size_min: 500\n  chunk_size_max: 100\n"))
        .hasMessageContaining("compare.chunk_size_max: must be at least chunk_size_min (500)");
    assertThatThrownBy(() -> parse(MINIMAL + CLUSTERS + "  chunk_parallelism: 9\n"))
        .hasMessageContaining("compare.chunk_parallelism");
    assertThatThrownBy(() -> parse(MINIMAL + CLUSTERS + "  schedul: 1h\n"))
        .hasMessageStartingWith("collector.yml line 7: compare.schedul: unknown key")
        .hasMessageContaining("did you mean compare.schedule?");
  }

  @Test
  void passwordsStayOutOfToString() {
    CollectorConfig config =
        parse(
            MINIMAL
                + "compare:\n"
                + "  old: {primary: mysql://ferry@old-db1, password: old-secret}\n"
                + "  new: {primary: 'mysql://ferry:dsn-secret@new-db1'}\n");

    assertThat(config.toString()).doesNotContain("old-secret", "dsn-secret").contains("old-db1");
  }
}
