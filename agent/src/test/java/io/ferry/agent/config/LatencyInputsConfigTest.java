package io.ferry.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.agent.input.accesslog.AccessLogConfig;
import io.ferry.agent.input.accesslog.StartAt;
import io.ferry.agent.input.canary.CanaryConfig;
import io.ferry.agent.input.histogram.SloBuckets;
import io.ferry.agent.input.http.BodyMatch;
import io.ferry.agent.input.http.HttpProbeConfig;
import io.ferry.yamlconfig.ConfigException;
import io.ferry.yamlconfig.Environment;
import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code inputs.http}, {@code inputs.access_log} and {@code inputs.canary}. */
class LatencyInputsConfigTest {

  private static final String COLLECTOR =
      "collector: {url: http://127.0.0.1:8086, token: secret-token}\n";

  private static final String FULL =
      COLLECTOR
          + "agent: {state_directory: /srv/ferry/state}\n"
          + """
          inputs:
            http:
              - name: shop-new
                url: https://shop.example.com/health?deep=1
                method: head
                expected_status: [200, 204]
                body_regex: 'ok|fine'
                timeout: 2s
                interval: 15s
                host_header: shop.example.com
                connect_to: 10.0.0.5:8443
                tls_verify: false
                buckets: [50ms, 300ms, 1s]
                tags: {backend: new}
            access_log:
              files:
                - name: shop
                  path: /var/log/nginx/access.log
                  format: apache
                  vhost: shop.example.com
                  start_at: beginning
                  poll_interval: 500ms
                  buckets: [300ms]
                  tags: {tier: web}
            canary:
              - name: orders
                host: 10.0.0.7
                port: 3307
                user: canary
                password: hunter2
                database: shop
                statement: SELECT 1
                connect_timeout: 2s
                query_timeout: 3s
                buckets: [10ms, 1s]
                tags: {cluster: new}
          """;

  private static AgentSettings parse(String yaml) {
    return new ConfigLoader(Environment.of(Map.of()), () -> Optional.of("this-host"))
        .parse(yaml, "agent.yml");
  }

  @Test
  void readsEveryOption() {
    AgentSettings settings = parse(FULL);

    HttpProbeConfig probe = settings.http().get(0);
    assertThat(probe.url()).isEqualTo(URI.create("https://shop.example.com/health?deep=1"));
    assertThat(probe.pathAndQuery()).isEqualTo("/health?deep=1");
    assertThat(probe.method()).isEqualTo("HEAD");
    assertThat(probe.expectedStatuses()).containsExactly(200, 204);
    assertThat(probe.bodyMatch().orElseThrow()).isInstanceOf(BodyMatch.Regex.class);
    assertThat(probe.timeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(probe.interval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(probe.hostHeader()).contains("shop.example.com");
    assertThat(probe.connectTo().map(HostAndPort::toString)).contains("10.0.0.5:8443");
    assertThat(probe.tlsVerify()).isFalse();
    assertThat(probe.buckets())
        .isEqualTo(
            SloBuckets.of(Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofSeconds(1)));
    assertThat(probe.tags()).containsEntry("backend", "new");

    assertThat(settings.accessLog().stateDirectory()).isEqualTo(Path.of("/srv/ferry/state"));
    AccessLogConfig log = settings.accessLog().files().get(0);
    assertThat(log.path()).isEqualTo(Path.of("/var/log/nginx/access.log"));
    assertThat(log.format().text()).contains("%D");
    assertThat(log.vhost()).contains("shop.example.com");
    assertThat(log.startAt()).isEqualTo(StartAt.BEGINNING);
    assertThat(log.pollInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.accessLog().offsetsFile(log))
        .isEqualTo(Path.of("/srv/ferry/state/access-log-shop.offset"));

    CanaryConfig canary = settings.canary().get(0);
    assertThat(canary)
        .isEqualTo(
            new CanaryConfig(
                "orders",
                "10.0.0.7",
                3307,
                "canary",
                "hunter2",
                "shop",
                "SELECT 1",
                Duration.ofSeconds(2),
                Duration.ofSeconds(3),
                SloBuckets.of(Duration.ofMillis(10), Duration.ofSeconds(1)),
                Map.of("cluster", "new")));
    assertThat(settings.inputs().workers()).as("os, one probe, one log, one canary").isEqualTo(4);
  }

  @Test
  void defaultsWhenOnlyTheRequiredKeysAreSet() {
    AgentSettings settings =
        parse(
            COLLECTOR
                + """
                inputs:
                  http: [{name: a, url: "http://a.example"}]
                  access_log: {files: [{name: l, path: /var/log/x.log, format: nginx_vhost}]}
                  canary: [{name: c, user: u, statement: SELECT 1}]
                """);

    assertThat(settings.http().get(0))
        .isEqualTo(HttpProbeConfig.defaults("a", URI.create("http://a.example")));
    assertThat(settings.http().get(0).pathAndQuery()).isEqualTo("/");
    AccessLogConfig log = settings.accessLog().files().get(0);
    assertThat(log.startAt()).isEqualTo(AccessLogConfig.DEFAULT_START_AT);
    assertThat(log.pollInterval()).isEqualTo(AccessLogConfig.DEFAULT_POLL_INTERVAL);
    assertThat(log.buckets()).isEqualTo(SloBuckets.DEFAULT);
    assertThat(log.vhost()).isEmpty();
    assertThat(settings.accessLog().stateDirectory()).isEqualTo(Path.of("/var/lib/ferry-agent"));
    CanaryConfig canary = settings.canary().get(0);
    assertThat(canary.host()).isEqualTo(CanaryConfig.DEFAULT_HOST);
    assertThat(canary.port()).isEqualTo(CanaryConfig.DEFAULT_PORT);
    assertThat(canary.password()).isEmpty();
  }

  @Test
  void mistakesNameTheKey() {
    assertError(
        "inputs:\n  http:\n    - name: a\n      url: http://a\n      timout: 1s\n",
        "agent.yml line 6: inputs.http[0].timout: unknown key (did you mean"
            + " inputs.http[0].timeout?)");
    assertError(
        "inputs:\n  http: [{name: a, url: ftp://a}]\n",
        "agent.yml line 3: inputs.http[0].url: expected an http:// or https:// URL with a host,"
            + " e.g. https://shop.example.com/health, got \"ftp://a\"");
    assertError(
        "inputs:\n  http: [{name: a, url: http://a, timeout: 20s}]\n",
        "agent.yml line 3: inputs.http[0].timeout: must not be longer than interval (10s): one"
            + " probe at a time");
    assertError(
        "inputs:\n  http: [{name: a, url: http://a, connect_to: 10.0.0.5}]\n",
        "agent.yml line 3: inputs.http[0].connect_to: expected an address and port such as"
            + " 10.0.0.5:443 or [2001:db8::5]:443, got \"10.0.0.5\"");
    assertError(
        "inputs:\n  http: [{name: a, url: http://a, buckets: [50ms, fast]}]\n",
        "agent.yml line 3: inputs.http[0].buckets: \"fast\" is not a positive duration such as"
            + " 50ms, 300ms or 1s");
    assertError(
        "inputs:\n  access_log: {files: [{name: l, path: /x.log}]}\n",
        "agent.yml line 3: inputs.access_log.files[0].vhost: is required: the format has no host"
            + " ($host, $server_name, %v or %V) to tag lines with");
    assertError(
        "inputs:\n  access_log: {files: [{name: l, path: /x.log, format: '$host $status'}]}\n",
        "agent.yml line 3: inputs.access_log.files[0].format: the format has no request ($request"
            + " or %r) or method ($request_method or %m)");
    assertError(
        "inputs:\n  http: [{name: a, url: http://a, host_header: 'a b'}]\n",
        "agent.yml line 3: inputs.http[0].host_header: \"a b\" is not a host name with an optional"
            + " port, such as shop.example.com or shop.example.com:8080");
    assertError(
        "inputs:\n  canary: [{name: c, user: u}]\n",
        "agent.yml line 3: inputs.canary[0].statement: is required");
  }

  @Test
  void effectiveConfigReadsBackToTheSameSettingsWithThePasswordMasked() {
    AgentSettings settings = parse(FULL);

    String rendered = EffectiveConfig.render(settings);
    AgentSettings reread = parse(rendered);

    assertThat(rendered).doesNotContain("hunter2").doesNotContain("secret-token");
    assertThat(reread.http()).hasSize(1);
    HttpProbeConfig probe = reread.http().get(0);
    assertThat(probe.url()).isEqualTo(settings.http().get(0).url());
    assertThat(probe.bodyMatch().map(BodyMatch::describe))
        .isEqualTo(settings.http().get(0).bodyMatch().map(BodyMatch::describe));
    assertThat(probe.connectTo()).isEqualTo(settings.http().get(0).connectTo());
    assertThat(probe.buckets()).isEqualTo(settings.http().get(0).buckets());
    assertThat(reread.accessLog().stateDirectory())
        .isEqualTo(settings.accessLog().stateDirectory());
    AccessLogConfig log = reread.accessLog().files().get(0);
    assertThat(log.format().text()).isEqualTo(settings.accessLog().files().get(0).format().text());
    assertThat(log.vhost()).contains("shop.example.com");
    assertThat(log.tags()).containsEntry("tier", "web");
    CanaryConfig canary = reread.canary().get(0);
    assertThat(canary.password()).isEqualTo("****");
    assertThat(canary.statement()).isEqualTo("SELECT 1");
    assertThat(canary.queryTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  private static void assertError(String inputs, String message) {
    assertThatThrownBy(() -> parse(COLLECTOR + inputs))
        .isInstanceOf(ConfigException.class)
        .hasMessage(message);
  }
}
