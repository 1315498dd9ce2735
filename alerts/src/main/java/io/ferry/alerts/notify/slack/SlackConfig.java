package io.ferry.alerts.notify.slack;

import io.ferry.alerts.notify.Secret;
import io.ferry.yamlconfig.ConfigMapping;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A Slack incoming webhook. Its URL carries the key that lets anyone post to the channel, so it is
 * a {@link Secret}: never logged, never in a message.
 *
 * @param url the incoming webhook's URL ({@code url} or {@code url_file}, required), such as {@code
 *     https://hooks.slack.com/services/T000/B000/XXXX}
 * @param channel overrides the webhook's channel, such as {@code #dba} ({@code channel}); null
 *     keeps the webhook's own
 * @param username overrides the name the message is posted under ({@code username}); null keeps the
 *     webhook's own
 * @param timeout bound on connecting and on the whole request ({@code timeout}, default {@value
 *     #DEFAULT_TIMEOUT_TEXT})
 */
public record SlackConfig(Secret url, String channel, String username, Duration timeout) {

  /** Default of {@code timeout}, as written in the configuration. */
  public static final String DEFAULT_TIMEOUT_TEXT = "10s";

  /** Default of {@code timeout}: 10 s. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public SlackConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** The URL to post to. */
  public URI uri() {
    return URI.create(url.reveal());
  }

  /** Reads a {@code slack:} section. */
  public static SlackConfig read(ConfigMapping section) {
    String url =
        section
            .secret("url")
            .orElseThrow(() -> section.problem("url", "is required (or url_file)"));
    // The value is a secret: the error describes it without quoting it.
    if (!validUrl(url)) {
      throw section.problem(
          "url", "expected an https:// or http:// URL with a host and a path (value not shown)");
    }
    return new SlackConfig(
        Secret.of(url.strip()),
        section.string("channel").orElse(null),
        section.string("username").orElse(null),
        section.duration("timeout", DEFAULT_TIMEOUT));
  }

  private static boolean validUrl(String text) {
    try {
      URI uri = new URI(text.strip());
      return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getRawPath() != null
          && uri.getRawPath().length() > 1;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The channel override, if any. */
  public Optional<String> channelOverride() {
    return Optional.ofNullable(channel);
  }
}
