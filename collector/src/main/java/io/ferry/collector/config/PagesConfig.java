package io.ferry.collector.config;

import java.time.Duration;

/**
 * The collector's pages ({@code pages:}).
 *
 * @param sessionIdleTimeout how long a login lasts without a request ({@code
 *     pages.session_idle_timeout}, default {@link #DEFAULT_SESSION_IDLE_TIMEOUT})
 * @param failedLoginsPerMinute how many failed logins one client address may make in a minute
 *     before the login form answers 429 ({@code pages.failed_logins_per_minute}, default {@link
 *     #DEFAULT_FAILED_LOGINS_PER_MINUTE})
 */
public record PagesConfig(Duration sessionIdleTimeout, int failedLoginsPerMinute) {

  /** Default of {@code session_idle_timeout}: 12 hours, a long on-call shift. */
  public static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofHours(12);

  /** Default of {@code failed_logins_per_minute}: 10. */
  public static final int DEFAULT_FAILED_LOGINS_PER_MINUTE = 10;

  /** Every option at its default. */
  public static final PagesConfig DEFAULTS =
      new PagesConfig(DEFAULT_SESSION_IDLE_TIMEOUT, DEFAULT_FAILED_LOGINS_PER_MINUTE);

  public PagesConfig {
    if (sessionIdleTimeout.isZero() || sessionIdleTimeout.isNegative()) {
      throw new IllegalArgumentException("session_idle_timeout must be longer than 0s");
    }
    if (failedLoginsPerMinute < 1) {
      throw new IllegalArgumentException("failed_logins_per_minute must be at least 1");
    }
  }
}
