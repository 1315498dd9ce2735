package io.ferry.alerts.notify.alertmanager;

import io.ferry.alerts.notify.HttpAuth;
import io.ferry.yamlconfig.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A Prometheus Alertmanager that Ferry hands its alerts to, through {@code POST /api/v2/alerts}.
 *
 * @param url the Alertmanager's base URL ({@code url}, default {@value #DEFAULT_URL_TEXT}); the
 *     path {@value #ALERTS_PATH} is appended
 * @param auth basic auth ({@code username}, {@code password} or {@code password_file}) or a bearer
 *     token ({@code token} or {@code token_file}); none by default
 * @param generatorUrl sent as every alert's {@code generatorURL}, such as a link to Ferry's alert
 *     page ({@code generator_url}); none by default
 * @param timeout bound on connecting and on the whole request ({@code timeout}, default {@value
 *     #DEFAULT_TIMEOUT_TEXT})
 */
public record AlertmanagerConfig(URI url, HttpAuth auth, URI generatorUrl, Duration timeout) {

  /** Default of {@code url}, as written in the configuration. */
  public static final String DEFAULT_URL_TEXT = "http://127.0.0.1:9093";

  /** Default of {@code url}. */
  public static final URI DEFAULT_URL = URI.create(DEFAULT_URL_TEXT);

  /** The API path alerts are posted to. */
  public static final String ALERTS_PATH = "/api/v2/alerts";

  /** Default of {@code timeout}, as written in the configuration. */
  public static final String DEFAULT_TIMEOUT_TEXT = "10s";

  /** Default of {@code timeout}: 10 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public AlertmanagerConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** The URL alerts are posted to. */
  public URI alertsUrl() {
    String base = url.toString();
    return URI.create(
        (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + ALERTS_PATH);
  }

  /** Reads an {@code alertmanager:} section. */
  public static AlertmanagerConfig read(ConfigMapping section) {
    return new AlertmanagerConfig(
        section.httpUrl("url", DEFAULT_URL),
        HttpAuth.read(section),
        section.httpUrl("generator_url", null),
        section.duration("timeout", DEFAULT_TIMEOUT));
  }
}
