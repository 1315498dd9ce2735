package io.ferry.alerts.notify.pagerduty;

import io.ferry.alerts.notify.Secret;
import io.ferry.yamlconfig.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A PagerDuty service, through the Events API v2.
 *
 * @param routingKey the integration key of the service ({@code routing_key} or {@code
 *     routing_key_file}, required); a secret
 * @param url the Events API endpoint ({@code url}, default {@value #DEFAULT_URL_TEXT})
 * @param source the event's {@code source} for alerts without a {@code host} label ({@code source},
 *     default {@value #DEFAULT_SOURCE})
 * @param timeout bound on connecting and on each request ({@code timeout}, default {@value
 *     #DEFAULT_TIMEOUT_TEXT})
 */
public record PagerDutyConfig(Secret routingKey, URI url, String source, Duration timeout) {

  /** Default of {@code url}, as written in the configuration. */
  public static final String DEFAULT_URL_TEXT = "https://events.pagerduty.com/v2/enqueue";

  /** Default of {@code url}. */
  public static final URI DEFAULT_URL = URI.create(DEFAULT_URL_TEXT);

  /** Default of {@code source}. */
  public static final String DEFAULT_SOURCE = "ferry";

  /** Default of {@code timeout}, as written in the configuration. */
  public static final String DEFAULT_TIMEOUT_TEXT = "10s";

  /** Default of {@code timeout}: 10 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public PagerDutyConfig {
    Objects.requireNonNull(routingKey, "routingKey");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** Reads a {@code pagerduty:} section. */
  public static PagerDutyConfig read(ConfigMapping section) {
    String routingKey =
        section
            .secret("routing_key")
            .map(String::strip)
            .filter(key -> !key.isEmpty())
            .orElseThrow(() -> section.problem("routing_key", "is required (or routing_key_file)"));
    return new PagerDutyConfig(
        Secret.of(routingKey),
        section.httpUrl("url", DEFAULT_URL),
        section.string("source", DEFAULT_SOURCE),
        section.duration("timeout", DEFAULT_TIMEOUT));
  }
}
