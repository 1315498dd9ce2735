package io.ferry.collector.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.collector.CollectorVerticle;
import io.ferry.collector.config.CollectorConfigLoader;
import io.ferry.testkit.LocalInfluxDb;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Page render time with a fleet of hosts reporting: the collector in front of a real InfluxDB 1.6.7
 * holding 10 minutes of OS points (10 s apart) from every host and replication points from 20
 * database servers, while a writer posts the whole fleet's points every 10 s through the collector,
 * as the agents would. A page's time is the page plus every chart on it, fetched one after the
 * other as a browser without cache would; the host page names a different host each time, so its
 * charts are never served from the chart cache. Not part of the test suite (the name does not end
 * in Test); run it with
 *
 * <pre>mvn -o -q -B -pl collector -am verify -Dtest=PageRenderBenchmark
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dferry.benchmark.hosts=2000
 * </pre>
 *
 * <p>Writes its figures to {@code target/benchmarks/pages.md}.
 */
class PageRenderBenchmark {

  private static final String TOKEN = "benchmark-token";
  private static final int ROUNDS = 40;
  private static final Pattern IMAGE = Pattern.compile("<img src=\"([^\"]+)\"");

  @TempDir Path dir;

  @Test
  void pageRenderTimeWithTheFleetReporting() throws Exception {
    int hosts = Integer.getInteger("ferry.benchmark.hosts", 2000);
    try (LocalInfluxDb influx = LocalInfluxDb.start(dir.resolve("influx"))) {
      Vertx vertx = Vertx.vertx();
      ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
      try {
        String yaml =
            """
            listen: {host: 127.0.0.1, port: 0}
            auth:
              tokens:
                - {name: bench, token: %s}
            influxdb: {url: %s, database: pages_bench, api: v1}
            """
                .formatted(TOKEN, influx.url());
        var collector =
            new CollectorVerticle(new CollectorConfigLoader().parse(yaml, "collector.yml", dir));
        vertx.deployVerticle(collector).await(30, TimeUnit.SECONDS);
        String base = "http://127.0.0.1:" + collector.actualPort();
        HttpClient http = HttpClient.newHttpClient();

        long now = System.currentTimeMillis() / 1000;
        for (long t = now - 600; t < now; t += 10) {
          write(http, base, fleet(hosts, t));
        }
        load.scheduleAtFixedRate(
            () -> {
              try {
                write(http, base, fleet(hosts, System.currentTimeMillis() / 1000));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            0,
            10,
            TimeUnit.SECONDS);

        List<String> report = new ArrayList<>();
        report.add("| page | p50 ms | p95 ms | max ms | charts |");
        report.add("| --- | --- | --- | --- | --- |");
        report.add(measure(http, base, "fleet", i -> "/fleet"));
        report.add(measure(http, base, "host", i -> "/hosts/host-" + (i * 37 % hosts)));
        report.add(measure(http, base, "replication", i -> "/replication"));
        report.add(measure(http, base, "overview", i -> "/"));
        String text =
            "Hosts: "
                + hosts
                + ", rounds per page: "
                + ROUNDS
                + ", cores: "
                + Runtime.getRuntime().availableProcessors()
                + "\n\n"
                + String.join("\n", report)
                + "\n";
        Path out = Files.createDirectories(Path.of("target", "benchmarks")).resolve("pages.md");
        Files.writeString(out, text);
        System.out.println(text);
      } finally {
        load.shutdownNow();
        vertx.close().await(30, TimeUnit.SECONDS);
      }
    }
  }

  private static String measure(
      HttpClient http, String base, String name, java.util.function.IntFunction<String> path)
      throws Exception {
    // Warm-up: class loading, JIT, the first template rendering.
    fetch(http, base, path.apply(ROUNDS + 1));
    List<Long> millis = new ArrayList<>();
    int charts = 0;
    for (int i = 0; i < ROUNDS; i++) {
      long start = System.nanoTime();
      charts = fetch(http, base, path.apply(i));
      millis.add((System.nanoTime() - start) / 1_000_000);
    }
    Collections.sort(millis);
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %d | %d |",
        name,
        millis.get(millis.size() / 2),
        millis.get((int) Math.ceil(millis.size() * 0.95) - 1),
        millis.get(millis.size() - 1),
        charts);
  }

  /** Fetches a page and every chart on it; returns the number of charts. */
  private static int fetch(HttpClient http, String base, String path) throws Exception {
    String html = get(http, base + path).body();
    Matcher image = IMAGE.matcher(html);
    List<java.util.concurrent.CompletableFuture<HttpResponse<byte[]>>> charts = new ArrayList<>();
    while (image.find()) {
      String src = image.group(1).replace("&amp;", "&");
      charts.add(
          http.sendAsync(
              HttpRequest.newBuilder(URI.create(base + src))
                  .header("Authorization", "Bearer " + TOKEN)
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray()));
    }
    for (var chart : charts) {
      assertThat(chart.get().statusCode()).isEqualTo(200);
    }
    return charts.size();
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return response;
  }

  private static List<String> fleet(int hosts, long t) {
    List<String> lines = new ArrayList<>(hosts * 4 + 40);
    for (int h = 0; h < hosts; h++) {
      String tags = ",host=host-" + h + ",cluster=" + (h % 2 == 0 ? "old" : "new") + ",role=web";
      lines.add("cpu" + tags + ",cpu=cpu-total usage_idle=" + (50 + h % 40) + " " + t);
      lines.add("mem" + tags + " used_percent=" + (30 + h % 50) + " " + t);
      lines.add("disk" + tags + ",path=/ used_percent=" + (20 + h % 60) + " " + t);
      lines.add("system" + tags + " load1=" + (h % 7) * 0.3 + ",uptime=" + t + "i " + t);
    }
    for (int d = 0; d < 20; d++) {
      String cluster = d < 10 ? "old" : "new";
      lines.add(
          "mysql,host=db-"
              + d
              + ",cluster="
              + cluster
              + " read_only="
              + (d % 10 != 0)
              + ",gtid_current_pos=\"0-1-"
              + t
              + "\" "
              + t);
      if (d % 10 != 0) {
        lines.add(
            "mysql_replication,host=db-"
                + d
                + ",cluster="
                + cluster
                + ",channel=default,source_host=db-"
                + (d < 10 ? 0 : 10)
                + ",source_port=3306 state=\"running\",lag_known=true,lag_seconds="
                + (d % 3)
                + ",heartbeat_age_known=true,heartbeat_lag_seconds="
                + (d % 3 + 0.2)
                + " "
                + t);
      }
    }
    return lines;
  }

  private static void write(HttpClient http, String base, List<String> lines) throws Exception {
    for (int from = 0; from < lines.size(); from += 5000) {
      String body = String.join("\n", lines.subList(from, Math.min(lines.size(), from + 5000)));
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/write?db=x&precision=s"))
                  .header("Authorization", "Token " + TOKEN)
                  .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }
  }
}
