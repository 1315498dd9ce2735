package io.ferry.agent;

import io.ferry.agent.config.CollectorConfig;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;

/**
 * Sends write requests to the collector: {@code POST <url>/api/v2/write?precision=ns}, gzip body,
 * {@code Authorization: Token <token>}. Every HTTP status is a successful {@link CollectorReply};
 * the future fails only when no answer came (connection refused, timeout).
 */
public final class CollectorClient {

  private final WebClient client;
  private final String writeUri;
  private final String authorization;
  private final long timeoutMillis;

  public CollectorClient(WebClient client, CollectorConfig config) {
    this.client = client;
    this.writeUri = config.writeUri().toString();
    this.authorization = "Token " + config.token();
    this.timeoutMillis = config.timeout().toMillis();
  }

  /** Posts one gzip-compressed line-protocol body. */
  public Future<CollectorReply> write(byte[] gzippedBody) {
    return client
        .postAbs(writeUri)
        .putHeader("Authorization", authorization)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .putHeader("Content-Encoding", "gzip")
        .timeout(timeoutMillis)
        .sendBuffer(Buffer.buffer(gzippedBody))
        .map(
            response ->
                CollectorReply.of(
                    response.statusCode(),
                    response.bodyAsString(),
                    CollectorReply.parseRetryAfter(
                        response.getHeader("Retry-After"), Instant.now())));
  }

  /** Where the requests go, for logs. */
  public String writeUri() {
    return writeUri;
  }
}
