package io.ferry.cli;

/** A command line that cannot be run as given; the message names the option or argument. */
final class BadCommandLineException extends Exception {

  BadCommandLineException(String message) {
    super(message);
  }
}
