package io.ferry.agent.input.os;

import io.ferry.agent.input.Accumulator;

/** Reads one family of operating-system figures ({@code cpu}, {@code mem}, ...) through OSHI. */
interface OsReader {

  /** The measurement this reader writes, used to report its failures. */
  String measurement();

  /** Reads once and adds the points; may block briefly on {@code /proc} and {@code statvfs}. */
  void read(Accumulator out);
}
