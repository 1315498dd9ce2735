package io.ferry.testkit;

import java.io.IOException;

/** A server could not start because another process took the port picked for it. */
final class PortInUseException extends IOException {
  PortInUseException(String message) {
    super(message);
  }
}
