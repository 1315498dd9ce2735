package io.ferry.lineprotocol;

/**
 * A check a parsed point must pass before it is accepted, for limits and for what the destination
 * refuses that the syntax allows. A point refused here becomes a {@link LineError} naming its line,
 * like a syntax error.
 */
@FunctionalInterface
public interface PointRule {

  /** Accepts every point as it is. */
  PointRule NONE = point -> point;

  /**
   * Checks one point.
   *
   * @return the point to keep: the same one, or one changed as the destination would store it
   * @throws PointRefusedException with the reason when the point must not be written
   */
  Point check(Point point) throws PointRefusedException;

  /** This rule, then {@code next} on what this one keeps. */
  default PointRule andThen(PointRule next) {
    return point -> next.check(check(point));
  }
}
