package io.ferry.collector.influx;

import io.ferry.lineprotocol.LineProtocolWriter;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.Precision;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The body of a write to InfluxDB: points as newline-terminated lines of line protocol with
 * nanosecond timestamps, in UTF-8. The text is built in a builder sized from the bodies written
 * before (so that it does not grow and copy itself), and the buffer sent wraps the encoded bytes
 * instead of copying them. Thread-safe.
 */
final class LineProtocolBody {

  /** The guess at a line's length, in characters, before any line was written. */
  private static final int FIRST_GUESS_CHARS_PER_LINE = 128;

  /** A little more than the average line of the last body, as the guess for the next one. */
  private volatile int charsPerLine = FIRST_GUESS_CHARS_PER_LINE;

  Buffer encode(List<Point> points) {
    var text = new StringBuilder(points.size() * charsPerLine);
    for (Point point : points) {
      LineProtocolWriter.appendLine(text, point, Precision.NANOSECONDS);
      text.append('\n');
    }
    if (!points.isEmpty()) {
      charsPerLine = Math.min(4096, text.length() / points.size() + 8);
    }
    return BufferInternal.buffer(
        Unpooled.wrappedBuffer(text.toString().getBytes(StandardCharsets.UTF_8)));
  }
}
