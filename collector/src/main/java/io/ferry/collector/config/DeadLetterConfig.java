package io.ferry.collector.config;

import java.nio.file.Path;

/**
 * Where batches InfluxDB refuses as invalid are set aside, and how much of the disk they may take.
 * In the file the keys sit directly under {@code influxdb:}.
 *
 * @param dir the folder of the {@code refused-*.lp} files ({@code influxdb.dead_letter_dir});
 *     default {@code dead-letter} next to the configuration file
 * @param fileBytes the size, in bytes, at which a file is closed and the next batch starts a new
 *     one ({@code influxdb.dead_letter_file_bytes}); a batch is never split, so a file passes it
 *     only when a single batch is larger; default 16 MiB
 * @param maxBytes the most bytes all {@code refused-*.lp} files in the folder may take together
 *     ({@code influxdb.dead_letter_max_bytes}); a batch that would pass it is not written, only
 *     counted and logged, until files are removed; default 256 MiB
 */
public record DeadLetterConfig(Path dir, long fileBytes, long maxBytes) {

  public static final String DEFAULT_DIR = "dead-letter";
  public static final long DEFAULT_FILE_BYTES = 16L * 1024 * 1024;
  public static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

  /**
   * The smallest {@code dead_letter_file_bytes} accepted: room for a batch of a few hundred lines.
   */
  public static final long MIN_FILE_BYTES = 64L * 1024;

  /** The default bounds for the folder {@code dir}. */
  public static DeadLetterConfig in(Path dir) {
    return new DeadLetterConfig(dir, DEFAULT_FILE_BYTES, DEFAULT_MAX_BYTES);
  }
}
