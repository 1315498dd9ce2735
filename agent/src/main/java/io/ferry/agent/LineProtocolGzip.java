package io.ferry.agent;

import io.ferry.lineprotocol.LineProtocolWriter;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.Precision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Encodes a batch as the body of a write request: gzip-compressed line protocol, nanoseconds. */
public final class LineProtocolGzip {

  private LineProtocolGzip() {}

  public static byte[] encode(List<Point> points) {
    byte[] text =
        LineProtocolWriter.toLines(points, Precision.NANOSECONDS).getBytes(StandardCharsets.UTF_8);
    var out = new ByteArrayOutputStream(text.length / 4 + 64);
    try (var gzip = new GZIPOutputStream(out)) {
      gzip.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot gzip in memory", e);
    }
    return out.toByteArray();
  }
}
