package io.ferry.agent.input.os;

import io.ferry.lineprotocol.Point;

/**
 * Memory figures of one poll, all in bytes.
 *
 * @param total physical memory
 * @param available memory available to new work without swapping ({@code MemAvailable} on Linux)
 * @param swapTotal swap space
 * @param swapUsed swap space in use
 */
public record MemorySample(long total, long available, long swapTotal, long swapUsed) {

  /**
   * The {@code mem} point: {@code used} is {@code total - available}; a percentage whose whole is 0
   * (no swap) is left out rather than written as 0.
   */
  public Point toPoint() {
    long used = total - available;
    Point.Builder point =
        Point.builder("mem")
            .field("total", total)
            .field("available", available)
            .field("used", used)
            .field("swap_total", swapTotal)
            .field("swap_used", swapUsed);
    putPercent(point, "used_percent", used, total);
    putPercent(point, "swap_used_percent", swapUsed, swapTotal);
    return point.build();
  }

  /** Adds {@code 100 * part / whole}, or nothing when {@code whole} is not positive. */
  static void putPercent(Point.Builder point, String field, long part, long whole) {
    if (whole > 0) {
      point.field(field, 100.0 * part / whole);
    }
  }
}
