package io.ferry.collector.config;

/**
 * Limits on what a write request may carry ({@code ingest:}).
 *
 * @param maxBodyBytes the largest request body, in bytes, measured after gzip decoding ({@code
 *     max_body_bytes}, written like {@code 10MiB}); a larger body is answered with 413 and nothing
 *     of it is written; default 10 MiB
 */
public record IngestConfig(long maxBodyBytes) {

  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

  public static IngestConfig defaults() {
    return new IngestConfig(DEFAULT_MAX_BODY_BYTES);
  }
}
