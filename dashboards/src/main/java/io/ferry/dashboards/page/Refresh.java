package io.ferry.dashboards.page;

import java.util.Arrays;

/**
 * How often a page reloads itself ({@code ?refresh=}), done with {@code <meta http-equiv=refresh>}
 * so that it works without JavaScript.
 */
public enum Refresh {
  OFF("off", 0),
  S10("10s", 10),
  S30("30s", 30),
  M1("1m", 60),
  M5("5m", 300);

  /** The refresh a page uses when its link names none. */
  public static final Refresh DEFAULT = OFF;

  private final String code;
  private final int seconds;

  Refresh(String code, int seconds) {
    this.code = code;
    this.seconds = seconds;
  }

  public String code() {
    return code;
  }

  /** Seconds between reloads; 0 when off. */
  public int seconds() {
    return seconds;
  }

  /** The refresh named {@code code}; {@link #DEFAULT} for null or an unknown value. */
  public static Refresh parse(String code) {
    return Arrays.stream(values())
        .filter(refresh -> refresh.code.equals(code))
        .findFirst()
        .orElse(DEFAULT);
  }
}
