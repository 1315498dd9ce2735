package io.ferry.collector;

/** The collector cannot start; the message says why in one line, for the person starting it. */
public final class StartupException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
