package io.ferry.collector.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.ferry.collector.CollectorVerticle;
import io.ferry.collector.config.CollectorConfigLoader;
import io.ferry.testkit.LocalInfluxDb;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector writes each SLO's budget and burn rates as {@code ferry_slo} to a real InfluxDB,
 * with the numbers that follow from the counters and histogram buckets pushed to it.
 */
class SloMetricsTest {

  private static final String TOKEN = "slo-metrics-token";
  private static final String DB = "slo_metrics";

  @TempDir Path dir;

  @Test
  void budgetAndBurnRatesAreWrittenAsFerrySlo() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (LocalInfluxDb influx = LocalInfluxDb.start(dir.resolve("influx"));
        WebhookReceiver receiver = WebhookReceiver.start()) {
      String yaml =
          """
          listen: {host: 127.0.0.1, port: 0}
          auth:
            tokens:
              - {name: fleet, token: %s}
          influxdb: {url: %s, database: %s, api: v1}
          alerts:
            evaluation_interval: 100ms
            receivers:
              - name: oncall
                webhook: {url: "%s"}
            route: {receiver: oncall}
            slos:
              - name: checkout-availability
                objective: 99.9%%
                ratio: {measurement: http_requests, good: ok, total: total}
                where: {service: checkout}
              - name: search-latency
                objective: 99%%
                latency: {measurement: http_request_duration, threshold: 300ms}
                min_events: 1000
                alerts:
                  - {severity: page, long: 1h, short: 5m, burn_rate: 14.4}
          """
              .formatted(TOKEN, influx.url(), DB, receiver.url("/hook"));
      CollectorVerticle collector =
          new CollectorVerticle(new CollectorConfigLoader().parse(yaml, "collector.yml", dir));
      vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);

      long t0 = nanos(Instant.now().minusSeconds(60));
      long t1 = nanos(Instant.now().minusSeconds(30));
      // Two hosts of checkout: 10,000 + 1,000 events, 10 + 10 of them bad; the first point of
      // each series is its baseline. The search service's requests belong to no ratio SLO.
      write(
          collector.actualPort(),
          """
          http_requests,service=checkout,host=web1 ok=0i,total=0i %1$d
          http_requests,service=checkout,host=web2 ok=100i,total=100i %1$d
          http_requests,service=search,host=web1 ok=0i,total=0i %1$d
          http_requests,service=checkout,host=web1 ok=9990i,total=10000i %2$d
          http_requests,service=checkout,host=web2 ok=1090i,total=1100i %2$d
          http_requests,service=search,host=web1 ok=0i,total=5000i %2$d
          http_request_duration,host=web1 count=1000i,sum=50,le_0.3=990i %1$d
          http_request_duration,host=web1 count=1200i,sum=70,le_0.3=1180i %2$d
          """
              .formatted(t0, t1));

      Map<String, Object> checkout = latestOnceCounted(influx, "checkout-availability", 11_000);
      double burnRate = (20.0 / 11_000) / 0.001;
      assertThat(number(checkout, "objective")).isCloseTo(0.999, within(1e-12));
      assertThat(number(checkout, "sli")).isCloseTo(10_980.0 / 11_000, within(1e-12));
      assertThat(number(checkout, "error_budget_remaining"))
          .as("20 bad events where the budget allows 11")
          .isCloseTo(1 - burnRate, within(1e-9));
      for (String window : List.of("5m", "30m", "1h", "6h", "3d")) {
        assertThat(number(checkout, "burn_rate_" + window))
            .as("burn_rate_" + window)
            .isCloseTo(burnRate, within(1e-9));
      }
      assertThat(number(checkout, "events_bad")).isEqualTo(20.0);
      assertThat(checkout.get("low_traffic")).isEqualTo(false);

      Map<String, Object> search = latestOnceCounted(influx, "search-latency", 200);
      assertThat(number(search, "sli")).isCloseTo(190.0 / 200, within(1e-12));
      assertThat(number(search, "burn_rate_1h")).isCloseTo((10.0 / 200) / 0.01, within(1e-9));
      assertThat(number(search, "error_budget_remaining")).isCloseTo(1 - 5.0, within(1e-9));
      assertThat(search).doesNotContainKey("burn_rate_30m");
      assertThat(search.get("low_traffic")).as("200 events, 1,000 needed").isEqualTo(true);
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  /** The newest {@code ferry_slo} row of {@code slo}, once it counts {@code events} events. */
  private static Map<String, Object> latestOnceCounted(
      LocalInfluxDb influx, String slo, int events) {
    String query = "SELECT * FROM ferry_slo WHERE slo = '" + slo + "' ORDER BY time DESC LIMIT 1";
    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions() // the database is created with the collector's first write
        .until(
            () -> influx.queryRows(DB, query),
            rows ->
                rows.stream()
                    .anyMatch(
                        row ->
                            row.get("events_total") instanceof Number total
                                && total.doubleValue() == events));
    Map<String, Object> row = new HashMap<>(influx.queryRows(DB, query).get(0));
    // SELECT * returns a column for every field ever written; the absent ones are null.
    row.values().removeIf(value -> value == null);
    return row;
  }

  private static double number(Map<String, Object> row, String field) {
    assertThat(row).containsKey(field);
    return ((Number) row.get(field)).doubleValue();
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static void write(int port, String lines) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/write?db=x"))
                    .header("Authorization", "Token " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(lines))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }
}
