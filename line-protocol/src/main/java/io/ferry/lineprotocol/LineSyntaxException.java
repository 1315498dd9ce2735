package io.ferry.lineprotocol;

/**
 * Why one line could not be read; the message is the reason shown to the sender. It carries no
 * stack trace because it is an expected outcome of bad input, thrown once per bad line.
 */
final class LineSyntaxException extends Exception {

  private static final long serialVersionUID = 1L;

  LineSyntaxException(String reason) {
    super(reason, null, false, false);
  }
}
