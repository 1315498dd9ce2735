package io.ferry.agent.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code collector} section: where and how the agent pushes its points.
 *
 * @param url base URL of the collector, without a trailing slash (required); the agent POSTs to
 *     {@code <url>/api/v2/write?precision=ns}
 * @param token the agent's token, sent as {@code Authorization: Token <token>} (required; from
 *     {@code token} or {@code token_file}); never logged
 * @param timeout how long one push request may take, connection included (default 10 s)
 * @param batchMaxPoints the most points sent in one request (default 5,000)
 */
public record CollectorConfig(URI url, String token, Duration timeout, int batchMaxPoints) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_BATCH_MAX_POINTS = 5_000;

  public CollectorConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** The write endpoint: {@code <url>/api/v2/write?precision=ns}. */
  public URI writeUri() {
    return URI.create(url + "/api/v2/write?precision=ns");
  }

  /** Never prints the token. */
  @Override
  public String toString() {
    return "CollectorConfig[url="
        + url
        + ", token=****, timeout="
        + timeout
        + ", batchMaxPoints="
        + batchMaxPoints
        + "]";
  }
}
