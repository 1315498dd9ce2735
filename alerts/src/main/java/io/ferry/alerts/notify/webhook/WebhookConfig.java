package io.ferry.alerts.notify.webhook;

import io.ferry.alerts.notify.HttpAuth;
import io.ferry.yamlconfig.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A generic webhook receiver.
 *
 * @param url where the JSON is posted ({@code url}, required)
 * @param auth bearer token ({@code token} or {@code token_file}) or basic auth ({@code username},
 *     {@code password} or {@code password_file}); none by default
 * @param timeout bound on connecting and on the whole request ({@code timeout}, default {@value
 *     #DEFAULT_TIMEOUT_TEXT})
 */
public record WebhookConfig(URI url, HttpAuth auth, Duration timeout) {

  /** Default of {@code timeout}, as written in the configuration. */
  public static final String DEFAULT_TIMEOUT_TEXT = "10s";

  /** Default of {@code timeout}: 10 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public WebhookConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** Reads a {@code webhook:} section. */
  public static WebhookConfig read(ConfigMapping section) {
    return new WebhookConfig(
        section.requiredHttpUrl("url"),
        HttpAuth.read(section),
        section.duration("timeout", DEFAULT_TIMEOUT));
  }
}
