package io.ferry.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.agent.input.accesslog.AccessLogSettings;
import io.ferry.agent.input.os.OsInputConfig;
import io.ferry.agent.spool.SpoolConfig;
import io.ferry.yamlconfig.Environment;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shipped sample configuration parses and shows exactly the code's defaults. */
class SampleConfigTest {

  private static final Path SAMPLE = Path.of("src/dist/agent.yml");

  private final ConfigLoader loader =
      new ConfigLoader(
          Environment.of(Map.of("FERRY_TOKEN", "sample-token")), () -> Optional.of("sample-host"));

  @Test
  void sampleShowsTheDefaults() {
    AgentSettings sample = loader.load(SAMPLE);

    assertThat(sample.agent())
        .isEqualTo(
            new AgentConfig(
                "sample-host",
                AgentConfig.DEFAULT_INTERVAL,
                AgentConfig.DEFAULT_JITTER,
                Map.of(),
                Path.of(AgentConfig.DEFAULT_STATE_DIRECTORY)));
    assertThat(sample.spool())
        .isEqualTo(
            new SpoolConfig(
                Path.of(AgentConfig.DEFAULT_STATE_DIRECTORY, "spool"),
                SpoolConfig.DEFAULT_MAX_BYTES,
                SpoolConfig.DEFAULT_REPLAY_POINTS_PER_SECOND));
    assertThat(sample.collector().token()).isEqualTo("sample-token");
    assertThat(sample.collector().timeout()).isEqualTo(CollectorConfig.DEFAULT_TIMEOUT);
    assertThat(sample.collector().batchMaxPoints())
        .isEqualTo(CollectorConfig.DEFAULT_BATCH_MAX_POINTS);
    assertThat(sample.os()).isEqualTo(OsInputConfig.defaults());
    assertThat(sample.mysql()).isEmpty();
    assertThat(sample.http()).isEmpty();
    assertThat(sample.accessLog())
        .isEqualTo(
            new AccessLogSettings(
                Path.of(AgentConfig.DEFAULT_STATE_DIRECTORY), java.util.List.of()));
    assertThat(sample.canary()).isEmpty();
  }

  @Test
  void effectiveConfigReadsBackToTheSameSettingsWithSecretsMasked() {
    AgentSettings sample =
        loader.parse(
            """
            agent: {host: db1, interval: 1500ms, tags: {role: "it's"}}
            collector: {url: "http://c:8086", token: sample-token}
            inputs:
              mysql: [{name: a, user: u, password: hunter2, tags: {dc: x}}]
            """,
            "agent.yml");

    String rendered = EffectiveConfig.render(sample);
    AgentSettings reread = loader.parse(rendered, "effective");

    assertThat(rendered).doesNotContain("sample-token").doesNotContain("hunter2");
    assertThat(reread.agent()).isEqualTo(sample.agent());
    assertThat(reread.os()).isEqualTo(sample.os());
    assertThat(reread.spool()).isEqualTo(sample.spool());
    assertThat(reread.collector().url()).isEqualTo(sample.collector().url());
    assertThat(reread.collector().token()).isEqualTo("****");
    assertThat(reread.mysql().get(0).tags()).isEqualTo(Map.of("dc", "x"));
    assertThat(reread.mysql().get(0).password()).isEqualTo("****");
  }
}
