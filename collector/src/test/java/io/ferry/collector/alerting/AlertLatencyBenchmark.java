package io.ferry.collector.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ferry.collector.CollectorVerticle;
import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.CollectorConfigLoader;
import io.ferry.testkit.LocalInfluxDb;
import io.ferry.testkit.SyntheticFleet;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Time from a violating point's arrival at the collector to the webhook request, beyond {@code for}
 * and group wait: a collector with the shipped rules ({@code alerts/rules/*.yml}) and the sample
 * route (group by alertname and host) in front of a real InfluxDB 1.6.7, with 100,000 active series
 * ({@link SyntheticFleet}: 2,000 database hosts, each pushing its 50 series every 10 s, spread over
 * the interval), after 20 minutes of the windowed series were sent as history so every window is
 * full. Then, every half second, one more replica's push says its replication is in {@code error}
 * (the shipped {@code ReplicationError}, which has no {@code for}); the time from sending that push
 * to the webhook request's arrival at a local receiver, minus the group wait, is one sample. The
 * pushes' own response times show whether alert evaluation holds ingest up. Not part of the test
 * suite (the name does not end in Test); run it with
 *
 * <pre>mvn -o -q -B -pl collector -am test -Dtest=AlertLatencyBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dferry.test.heap=2g \
 *     -Dferry.benchmark.series=100000 -Dferry.benchmark.samples=120 \
 *     -Dferry.benchmark.groupWait=30s</pre>
 *
 * <p>Writes its figures to {@code target/benchmarks/alert-latency.md}.
 */
class AlertLatencyBenchmark {

  private static final String TOKEN = "alert-latency-benchmark";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration HISTORY = Duration.ofMinutes(20);
  private static final Duration WARM_UP = Duration.ofSeconds(30);
  private static final long INJECT_EVERY_MILLIS = 500;
  private static final int SLOTS_PER_INTERVAL = 100;

  @TempDir Path dir;

  private final Map<String, Long> brokenSentAt = new ConcurrentHashMap<>();
  private final Map<String, Long> brokenSentWall = new ConcurrentHashMap<>();
  private final Map<String, Long> pagedWall = new ConcurrentHashMap<>();
  private final Map<String, Long> pagedAt = new ConcurrentHashMap<>();
  private final Set<String> otherAlerts = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<Long> pushNanos = new ConcurrentLinkedQueue<>();
  private final AtomicInteger failedPushes = new AtomicInteger();

  @Test
  void fromTheViolatingPointToTheWebhook() throws Exception {
    SyntheticFleet fleet =
        SyntheticFleet.withSeries(Integer.getInteger("ferry.benchmark.series", 100_000));
    int samples = Integer.getInteger("ferry.benchmark.samples", 120);
    String groupWaitText = System.getProperty("ferry.benchmark.groupWait", "30s");
    Duration groupWait = Duration.parse("PT" + groupWaitText.toUpperCase(Locale.ROOT));
    assertThat(samples).isLessThanOrEqualTo(fleet.hosts() / 2);

    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook", exchange -> received(exchange.getRequestBody().readAllBytes(), exchange));
    receiver.setExecutor(Executors.newFixedThreadPool(2));
    receiver.start();
    Vertx vertx = Vertx.vertx();
    Vertx clients = Vertx.vertx();
    ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor();
    try (LocalInfluxDb influx = LocalInfluxDb.start(dir.resolve("influx"))) {
      CollectorVerticle collector =
          new CollectorVerticle(
              config(influx.url(), receiver.getAddress().getPort(), groupWaitText));
      vertx.deployVerticle(collector).await(60, TimeUnit.SECONDS);
      WebClient client =
          WebClient.create(
              clients,
              new WebClientOptions()
                  .setDefaultHost("127.0.0.1")
                  .setDefaultPort(collector.actualPort()),
              // One connection per host, as each agent has its own: a slow write to InfluxDB
              // holds up that host's next push, not the fleet's.
              new PoolOptions().setHttp1MaxSize(fleet.hosts()));

      long historyStart = System.nanoTime();
      sendHistory(fleet, client);
      double historySeconds = (System.nanoTime() - historyStart) / 1e9;

      long steadyStart = System.currentTimeMillis();
      Set<Integer> broken = ConcurrentHashMap.newKeySet();
      long slotMillis = SyntheticFleet.INTERVAL_SECONDS * 1000L / SLOTS_PER_INTERVAL;
      AtomicInteger slot = new AtomicInteger();
      pusher.scheduleAtFixedRate(
          () -> pushSlot(fleet, client, slot.getAndIncrement(), steadyStart, broken),
          0,
          slotMillis,
          TimeUnit.MILLISECONDS);

      Thread.sleep(WARM_UP.toMillis());
      pushNanos.clear();
      for (int i = 0; i < samples; i++) {
        // Replicas spread over the fleet, each its own alert group.
        broken.add(2 * (i * 7919 % (fleet.hosts() / 2)) + 1);
        Thread.sleep(INJECT_EVERY_MILLIS);
      }
      long deadline =
          System.nanoTime()
              + Duration.ofSeconds(SyntheticFleet.INTERVAL_SECONDS + 60).plus(groupWait).toNanos();
      while (pagedAt.size() < samples && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      pusher.shutdownNow();
      pusher.awaitTermination(30, TimeUnit.SECONDS);

      List<Long> latencies = new ArrayList<>();
      pagedAt.forEach(
          (host, at) -> latencies.add(at - brokenSentAt.get(host) - groupWait.toNanos()));
      // Where the time went: the collector stamps each alert transition (ferry_alert) with the
      // time the parsed batch was handed to the engine.
      Map<String, Long> handedAt = handedToEngine(influx, pagedAt.size());
      List<Long> toEngine = new ArrayList<>();
      List<Long> engineToWebhook = new ArrayList<>();
      handedAt.forEach(
          (host, at) -> {
            if (pagedWall.containsKey(host)) {
              toEngine.add(at - brokenSentWall.get(host));
              engineToWebhook.add(pagedWall.get(host) - at - groupWait.toNanos());
            }
          });
      report(fleet, groupWaitText, historySeconds, samples, latencies, toEngine, engineToWebhook);
      assertThat(pagedAt.keySet()).as("every broken replica paged").hasSize(samples);
      assertThat(otherAlerts).as("the healthy part of the fleet raised no alert").isEmpty();
    } finally {
      pusher.shutdownNow();
      clients.close().await(30, TimeUnit.SECONDS);
      vertx.close().await(60, TimeUnit.SECONDS);
      receiver.stop(0);
    }
  }

  private void received(byte[] body, HttpExchange exchange) throws IOException {
    long now = System.nanoTime();
    long wall = wallNanos();
    JsonNode message = JSON.readTree(body);
    for (JsonNode alert : message.path("alerts")) {
      String name = alert.path("labels").path("alertname").asText();
      String host = alert.path("labels").path("host").asText();
      if (name.equals("ReplicationError") && alert.path("status").asText().equals("firing")) {
        pagedAt.putIfAbsent(host, now);
        pagedWall.putIfAbsent(host, wall);
      } else {
        otherAlerts.add(name + " " + host + " " + alert.path("status").asText());
      }
    }
    exchange.sendResponseHeaders(200, -1);
    exchange.close();
  }

  /** When each replica's ReplicationError firing was handed to the engine, by host. */
  private static Map<String, Long> handedToEngine(LocalInfluxDb influx, int expected)
      throws InterruptedException {
    Map<String, Long> handed = new ConcurrentHashMap<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (handed.size() < expected && System.nanoTime() < deadline) {
      for (Map<String, Object> row :
          influx.queryRows(
              "fleet",
              "SELECT \"status\" FROM ferry_alert WHERE \"alertname\" = 'ReplicationError'"
                  + " AND \"status\" = 'firing' GROUP BY \"host\"")) {
        handed.putIfAbsent((String) row.get("host"), (Long) row.get("time"));
      }
      Thread.sleep(500);
    }
    return handed;
  }

  private static long wallNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** 20 minutes of the windowed series, one request per collection of the whole fleet. */
  private static void sendHistory(SyntheticFleet fleet, WebClient client) throws Exception {
    int rounds = (int) (HISTORY.toSeconds() / SyntheticFleet.INTERVAL_SECONDS);
    long start = System.currentTimeMillis() * 1_000_000L - HISTORY.toNanos();
    List<Future<?>> inFlight = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      StringBuilder body = new StringBuilder();
      long roundNanos = start + round * SyntheticFleet.INTERVAL_SECONDS * 1_000_000_000L;
      for (int h = 0; h < fleet.hosts(); h++) {
        body.append(fleet.history(h, roundNanos + offsetNanos(fleet, h), round));
      }
      inFlight.add(post(client, body.toString()));
      if (inFlight.size() == 1) {
        inFlight.remove(0).await(5, TimeUnit.MINUTES);
      }
    }
    for (Future<?> sent : inFlight) {
      sent.await(5, TimeUnit.MINUTES);
    }
  }

  /** The hosts whose turn falls in this slot of the interval push now. */
  private void pushSlot(
      SyntheticFleet fleet, WebClient client, int slot, long startMillis, Set<Integer> broken) {
    int round = slot / SLOTS_PER_INTERVAL;
    int inRound = slot % SLOTS_PER_INTERVAL;
    for (int h = inRound; h < fleet.hosts(); h += SLOTS_PER_INTERVAL) {
      long nanos =
          (startMillis + (long) round * SyntheticFleet.INTERVAL_SECONDS * 1000) * 1_000_000L
              + offsetNanos(fleet, h);
      boolean error = broken.contains(h);
      String body = fleet.push(h, nanos, HISTORY_ROUNDS + round, error);
      long sentAt = System.nanoTime();
      if (error) {
        brokenSentAt.putIfAbsent(SyntheticFleet.hostName(h), sentAt);
        brokenSentWall.putIfAbsent(SyntheticFleet.hostName(h), wallNanos());
      }
      post(client, body)
          .onSuccess(done -> pushNanos.add(System.nanoTime() - sentAt))
          .onFailure(e -> failedPushes.incrementAndGet());
    }
  }

  private static final int HISTORY_ROUNDS =
      (int) (HISTORY.toSeconds() / SyntheticFleet.INTERVAL_SECONDS);

  /** Host h's place in the interval: slot h % 100 of 100. */
  private static long offsetNanos(SyntheticFleet fleet, int h) {
    return (long) (h % SLOTS_PER_INTERVAL)
        * SyntheticFleet.INTERVAL_SECONDS
        * 1_000_000_000L
        / SLOTS_PER_INTERVAL;
  }

  private static Future<Void> post(WebClient client, String body) {
    return client
        .post("/write?db=fleet")
        .putHeader("Authorization", "Token " + TOKEN)
        .sendBuffer(Buffer.buffer(body))
        .map(
            response -> {
              if (response.statusCode() != 204) {
                throw new IllegalStateException(
                    "write answered " + response.statusCode() + ": " + response.bodyAsString());
              }
              return null;
            });
  }

  private CollectorConfig config(String influxUrl, int receiverPort, String groupWait)
      throws IOException {
    Path rules = Path.of("..", "alerts", "rules").toAbsolutePath().normalize();
    String yaml =
        """
        listen: {host: 127.0.0.1, port: 0}
        auth:
          tokens:
            - {name: fleet, token: %s}
        influxdb: {url: %s, database: fleet, api: v1}
        alerts:
          rule_files: [%s/*.yml]
          receivers:
            - name: oncall
              webhook: {url: "http://127.0.0.1:%d/hook"}
          route:
            receiver: oncall
            group_by: [alertname, host]
            group_wait: %s
          inhibit_rules:
            - {source: ['alertname="HostSilent"'], target: ['alertname!="HostSilent"'], equal: [host]}
        """
            .formatted(TOKEN, influxUrl, rules, receiverPort, groupWait);
    Files.createDirectories(dir);
    return new CollectorConfigLoader().parse(yaml, "collector.yml", dir);
  }

  private void report(
      SyntheticFleet fleet,
      String groupWait,
      double historySeconds,
      int injected,
      List<Long> latencies,
      List<Long> toEngine,
      List<Long> engineToWebhook)
      throws IOException {
    long[] sent = toEngine.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] handed = engineToWebhook.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    long[] pushes = pushNanos.stream().mapToLong(Long::longValue).sorted().toArray();
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    String text =
        String.format(
            Locale.ROOT,
            "| active series | hosts | group wait | paged of injected | p50 ms | p99 ms | max ms"
                + " | pushes | push p50 ms | push p99 ms | push max ms | failed pushes"
                + " | load average |%n"
                + "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |%n"
                + "| %,d | %,d | %s | %d of %d | %.0f | %.0f | %.0f | %,d | %.1f | %.1f | %.1f | %d | %.1f |%n%n"
                + "History (20 minutes of disk and mysql_replication) sent in %.1f s.%n%n"
                + "| part (%d samples) | p50 ms | p99 ms | max ms |%n| --- | ---: | ---: | ---: |%n"
                + "| push sent to batch handed to the engine (parsing) | %.0f | %.0f | %.0f |%n"
                + "| handed to the engine to webhook, beyond group wait | %.0f | %.0f | %.0f |%n",
            fleet.series(),
            fleet.hosts(),
            groupWait,
            sorted.length,
            injected,
            quantile(sorted, 0.5) / 1e6,
            quantile(sorted, 0.99) / 1e6,
            quantile(sorted, 1) / 1e6,
            pushes.length,
            quantile(pushes, 0.5) / 1e6,
            quantile(pushes, 0.99) / 1e6,
            quantile(pushes, 1) / 1e6,
            failedPushes.get(),
            load,
            historySeconds,
            sent.length,
            quantile(sent, 0.5) / 1e6,
            quantile(sent, 0.99) / 1e6,
            quantile(sent, 1) / 1e6,
            quantile(handed, 0.5) / 1e6,
            quantile(handed, 0.99) / 1e6,
            quantile(handed, 1) / 1e6);
    Path file = Path.of("target", "benchmarks", "alert-latency.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Nearest-rank quantile of sorted values (0 for none). */
  private static long quantile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
