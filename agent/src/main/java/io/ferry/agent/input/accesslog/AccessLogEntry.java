package io.ferry.agent.input.accesslog;

import java.time.Duration;
import java.util.Optional;

/**
 * What the input takes from one access-log line.
 *
 * @param host the virtual host, when the format has one
 * @param method the request method, upper case; {@code OTHER} for anything but the standard ones
 * @param status the response status, 100 to 599
 * @param requestTime how long the server took
 */
public record AccessLogEntry(
    Optional<String> host, String method, int status, Duration requestTime) {

  /** The status class as written in field names: {@code 2xx}. */
  public String statusClass() {
    return (status / 100) + "xx";
  }
}
