package io.ferry.agent.input.accesslog;

import io.ferry.agent.input.histogram.SloBuckets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code inputs.access_log.files}: one nginx or Apache access log followed by name.
 *
 * @param name tag {@code log} on every point and the name of its offsets file; unique (required)
 * @param path the log file, followed across rotation (required)
 * @param format the line format: a preset ({@code nginx}, {@code nginx_vhost}, {@code apache},
 *     {@code apache_vhost}) or an nginx {@code log_format} / Apache {@code LogFormat} string
 *     (default {@code nginx})
 * @param vhost the {@code vhost} tag for every line; required when the format has no host variable,
 *     and when set it wins over the host in the line (default: from the line)
 * @param startAt where reading starts in a file without a saved offset (default {@code end})
 * @param pollInterval how often the file is checked for new lines (default 1 s)
 * @param buckets the boundaries of {@code http_request_duration} (default {@link
 *     SloBuckets#DEFAULT})
 * @param tags extra tags on this log's points (default none)
 */
public record AccessLogConfig(
    String name,
    Path path,
    LogFormat format,
    Optional<String> vhost,
    StartAt startAt,
    Duration pollInterval,
    SloBuckets buckets,
    Map<String, String> tags) {

  public static final StartAt DEFAULT_START_AT = StartAt.END;
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);

  public AccessLogConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(vhost, "vhost");
    Objects.requireNonNull(startAt, "startAt");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(buckets, "buckets");
    if (!format.hasHost() && vhost.isEmpty()) {
      throw new IllegalArgumentException("the format has no host, so vhost is required");
    }
    tags = Map.copyOf(tags);
  }
}
