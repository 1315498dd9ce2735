package io.ferry.cli;

/** A command line that cannot be run as given; the message names the option or argument. */
public final class BadCommandLineException extends Exception {

  public BadCommandLineException(String message) {
    super(message);
  }
}
