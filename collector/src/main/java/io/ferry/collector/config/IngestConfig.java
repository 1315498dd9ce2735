package io.ferry.collector.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Limits on what a write request may carry ({@code ingest:}). A body over {@code max_body_bytes} is
 * refused whole (413); a line over any other limit is refused alone (400 naming the line), the good
 * lines of the body being written, as with any bad line.
 *
 * @param maxBodyBytes the largest request body, in bytes, both as sent and after gzip decoding
 *     ({@code max_body_bytes}, written like {@code 10MiB}); default 10 MiB
 * @param maxLineLength the longest line, in characters ({@code max_line_length}); default 65536
 * @param maxTags the most tags on one point ({@code max_tags}); default 64
 * @param maxFields the most fields on one point ({@code max_fields}); default 1024
 * @param maxKeyLength the longest measurement name, tag key or field key, in characters ({@code
 *     max_key_length}); default 256
 * @param maxFuture how far past the collector's clock a timestamp may lie ({@code max_future});
 *     empty (YAML {@code null}) for no limit; default 1 hour
 * @param maxAge how far before the collector's clock a timestamp may lie ({@code max_age}); empty
 *     (YAML {@code null}) for no limit; default 3650 days (87600h)
 * @param maxBodyBytesInFlight the most bytes of write request bodies (as sent) the collector holds
 *     at once while it receives, decodes and parses them ({@code max_body_bytes_in_flight}); a
 *     request that would pass it is answered 503 with {@code Retry-After} before its body is read;
 *     at least {@code maxBodyBytes}; default ({@code auto}) {@value #IN_FLIGHT_BODIES} times {@code
 *     maxBodyBytes}
 * @param maxExpectedWait the longest a push may be expected to wait for InfluxDB before it is
 *     answered ({@code max_expected_wait}): the points already waiting for InfluxDB divided by the
 *     rate InfluxDB took points at lately; a push expected to wait longer is answered 503 with
 *     {@code Retry-After} at once, nothing of it kept, rather than be answered after its sender
 *     gave up; empty (YAML {@code off}) for no bound but {@code influxdb.max_pending_points};
 *     default {@value #DEFAULT_MAX_EXPECTED_WAIT_SECONDS} s, half the agent's 10 s push timeout, so
 *     that a push taken at the bound is still answered in time when InfluxDB's writes slow down by
 *     half meanwhile
 */
public record IngestConfig(
    long maxBodyBytes,
    int maxLineLength,
    int maxTags,
    int maxFields,
    int maxKeyLength,
    Optional<Duration> maxFuture,
    Optional<Duration> maxAge,
    long maxBodyBytesInFlight,
    Optional<Duration> maxExpectedWait) {

  public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
  public static final int DEFAULT_MAX_LINE_LENGTH = 64 * 1024;
  public static final int DEFAULT_MAX_TAGS = 64;
  public static final int DEFAULT_MAX_FIELDS = 1024;
  public static final int DEFAULT_MAX_KEY_LENGTH = 256;
  public static final Duration DEFAULT_MAX_FUTURE = Duration.ofHours(1);
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(3650);
  public static final int DEFAULT_MAX_EXPECTED_WAIT_SECONDS = 5;
  public static final Duration DEFAULT_MAX_EXPECTED_WAIT =
      Duration.ofSeconds(DEFAULT_MAX_EXPECTED_WAIT_SECONDS);

  /** How many bodies of the largest size {@code max_body_bytes_in_flight: auto} leaves room for. */
  public static final int IN_FLIGHT_BODIES = 4;

  /** These limits with {@code max_expected_wait} at its default. */
  public IngestConfig(
      long maxBodyBytes,
      int maxLineLength,
      int maxTags,
      int maxFields,
      int maxKeyLength,
      Optional<Duration> maxFuture,
      Optional<Duration> maxAge,
      long maxBodyBytesInFlight) {
    this(
        maxBodyBytes,
        maxLineLength,
        maxTags,
        maxFields,
        maxKeyLength,
        maxFuture,
        maxAge,
        maxBodyBytesInFlight,
        Optional.of(DEFAULT_MAX_EXPECTED_WAIT));
  }

  /** These limits with {@code max_body_bytes_in_flight} at its default ({@code auto}). */
  public IngestConfig(
      long maxBodyBytes,
      int maxLineLength,
      int maxTags,
      int maxFields,
      int maxKeyLength,
      Optional<Duration> maxFuture,
      Optional<Duration> maxAge) {
    this(
        maxBodyBytes,
        maxLineLength,
        maxTags,
        maxFields,
        maxKeyLength,
        maxFuture,
        maxAge,
        defaultBodyBytesInFlight(maxBodyBytes));
  }

  /** {@code max_body_bytes_in_flight: auto}: room for {@value #IN_FLIGHT_BODIES} largest bodies. */
  public static long defaultBodyBytesInFlight(long maxBodyBytes) {
    return IN_FLIGHT_BODIES * maxBodyBytes;
  }

  /** The default limits with another body size limit. */
  public IngestConfig(long maxBodyBytes) {
    this(
        maxBodyBytes,
        DEFAULT_MAX_LINE_LENGTH,
        DEFAULT_MAX_TAGS,
        DEFAULT_MAX_FIELDS,
        DEFAULT_MAX_KEY_LENGTH,
        Optional.of(DEFAULT_MAX_FUTURE),
        Optional.of(DEFAULT_MAX_AGE));
  }

  public static IngestConfig defaults() {
    return new IngestConfig(DEFAULT_MAX_BODY_BYTES);
  }
}
