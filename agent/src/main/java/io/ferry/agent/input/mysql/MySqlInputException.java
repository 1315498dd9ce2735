package io.ferry.agent.input.mysql;

/**
 * A MySQL server could not be read at all: it refused or dropped the connection, or rejected the
 * login. The message names the server and the reason, e.g. {@code mysql old-replica
 * (127.0.0.1:3307): cannot connect: Connection refused}; it never contains the password.
 */
public final class MySqlInputException extends Exception {

  public MySqlInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
