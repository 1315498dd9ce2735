package io.ferry.collector;

import io.ferry.collector.config.ApiToken;
import io.ferry.collector.config.AuthConfig;
import io.ferry.collector.config.BatchingConfig;
import io.ferry.collector.config.CollectorConfig;
import io.ferry.collector.config.InfluxApi;
import io.ferry.collector.config.InfluxConfig;
import io.ferry.collector.config.InfluxCredentials;
import io.ferry.collector.config.InfluxDestination;
import io.ferry.collector.config.IngestConfig;
import io.ferry.collector.config.ListenConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Collector configurations for tests: port 0, one token, a 1 MiB body limit, quick flushes. */
final class TestConfigs {

  static final String TOKEN = "agent-secret-1";
  static final long MAX_BODY_BYTES = 1024 * 1024;

  private TestConfigs() {}

  static CollectorConfig collector(String influxUrl, InfluxApi api, String database) {
    return collector(influxUrl, api, database, new IngestConfig(MAX_BODY_BYTES));
  }

  static CollectorConfig collector(
      String influxUrl, InfluxApi api, String database, IngestConfig ingest) {
    return new CollectorConfig(
        new ListenConfig("127.0.0.1", 0),
        new AuthConfig(List.of(new ApiToken("test-fleet", TOKEN))),
        ingest,
        new InfluxConfig(
            URI.create(influxUrl),
            api,
            Duration.ofSeconds(5),
            new InfluxDestination(database, null, null, null, true),
            InfluxCredentials.none(),
            new BatchingConfig(1000, BatchingConfig.DEFAULT_FLUSH_INTERVAL, 50_000)));
  }
}
