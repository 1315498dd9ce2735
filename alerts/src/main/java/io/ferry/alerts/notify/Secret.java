package io.ferry.alerts.notify;

import java.util.Objects;

/**
 * A value that must not be shown: a token, a password, a routing key, a webhook URL that carries
 * its own key. {@link #toString()} gives {@code <redacted>}, so records holding a secret can be
 * logged and printed safely; only {@link #reveal()} gives the value, at the one place that sends
 * it.
 */
public final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  /** Wraps a secret value. */
  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The value itself: pass it on to the receiver, never to a log or an exception. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "<redacted>";
  }
}
