package io.ferry.agent.input.http;

import io.ferry.agent.input.histogram.SloBuckets;
import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of {@code inputs.http}: an HTTP(S) request made at every {@code interval} and checked.
 *
 * @param name tag {@code probe} on every point; unique among the probes (required)
 * @param url the URL requested, {@code http://} or {@code https://} (required)
 * @param method the request method (default {@code GET})
 * @param expectedStatuses the statuses that count as success (default {@code [200]})
 * @param bodyMatch what the body must contain (default: the body is not checked)
 * @param timeout the whole probe's limit, connecting included; at most {@code interval} (default 5
 *     s)
 * @param interval how often the probe runs (default 10 s)
 * @param hostHeader the {@code Host} header sent instead of the URL's host and port (default: the
 *     URL's)
 * @param connectTo the address connected to instead of resolving the URL's host, e.g. the new
 *     backend before DNS moves; the URL's host is still sent as {@code Host} and TLS server name
 *     (default: resolve the URL's host)
 * @param tlsVerify whether an {@code https} certificate must be trusted by the JVM and match the
 *     host (default true)
 * @param buckets the boundaries of {@code http_probe_duration} (default {@link SloBuckets#DEFAULT})
 * @param tags extra tags on this probe's points (default none)
 */
public record HttpProbeConfig(
    String name,
    URI url,
    String method,
    List<Integer> expectedStatuses,
    Optional<BodyMatch> bodyMatch,
    Duration timeout,
    Duration interval,
    Optional<String> hostHeader,
    Optional<HostAndPort> connectTo,
    boolean tlsVerify,
    SloBuckets buckets,
    Map<String, String> tags) {

  public static final String DEFAULT_METHOD = "GET";
  public static final List<Integer> DEFAULT_EXPECTED_STATUSES = List.of(200);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
  public static final boolean DEFAULT_TLS_VERIFY = true;

  /** The methods a probe may use. */
  public static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");

  public HttpProbeConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(bodyMatch, "bodyMatch");
    Objects.requireNonNull(hostHeader, "hostHeader");
    Objects.requireNonNull(connectTo, "connectTo");
    Objects.requireNonNull(buckets, "buckets");
    expectedStatuses = List.copyOf(expectedStatuses);
    tags = Map.copyOf(tags);
  }

  /** A probe of {@code url} with every other option at its default. */
  public static HttpProbeConfig defaults(String name, URI url) {
    return new HttpProbeConfig(
        name,
        url,
        DEFAULT_METHOD,
        DEFAULT_EXPECTED_STATUSES,
        Optional.empty(),
        DEFAULT_TIMEOUT,
        DEFAULT_INTERVAL,
        Optional.empty(),
        Optional.empty(),
        DEFAULT_TLS_VERIFY,
        SloBuckets.DEFAULT,
        Map.of());
  }

  public boolean https() {
    return "https".equalsIgnoreCase(url.getScheme());
  }

  /** The URL's port, or the scheme's default. */
  public int port() {
    return url.getPort() > 0 ? url.getPort() : https() ? 443 : 80;
  }

  /** Path and query as sent in the request line; {@code /} when the URL has no path. */
  public String pathAndQuery() {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
  }
}
