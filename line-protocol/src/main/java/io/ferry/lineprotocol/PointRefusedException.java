package io.ferry.lineprotocol;

/**
 * A {@link PointRule} refused a point; the message is the reason shown to the sender. It carries no
 * stack trace: it is an expected outcome of bad input.
 */
public final class PointRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  public PointRefusedException(String reason) {
    super(reason, null, false, false);
  }
}
