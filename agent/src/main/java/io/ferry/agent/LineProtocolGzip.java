package io.ferry.agent;

import io.ferry.lineprotocol.LineProtocolWriter;
import io.ferry.lineprotocol.Point;
import io.ferry.lineprotocol.Precision;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Encodes a batch as the body of a write request: gzip-compressed line protocol, nanoseconds. */
public final class LineProtocolGzip {

  private LineProtocolGzip() {}

  public static byte[] encode(List<Point> points) {
    return gzip(LineProtocolWriter.toLines(points, Precision.NANOSECONDS));
  }

  /** Splits a body into two bodies of half its lines each (the first gets the odd one). */
  static List<byte[]> splitInHalves(byte[] body) {
    List<String> lines = gunzip(body).lines().toList();
    int middle = (lines.size() + 1) / 2;
    return List.of(
        gzip(String.join("\n", lines.subList(0, middle)) + "\n"),
        gzip(String.join("\n", lines.subList(middle, lines.size())) + "\n"));
  }

  /** Joins bodies into one body holding all their lines, in order. */
  static byte[] join(List<byte[]> bodies) {
    var text = new StringBuilder();
    for (byte[] body : bodies) {
      String lines = gunzip(body);
      text.append(lines);
      if (!lines.isEmpty() && !lines.endsWith("\n")) {
        text.append('\n');
      }
    }
    return gzip(text.toString());
  }

  /** How many lines a body holds. */
  static long lineCount(byte[] body) {
    return gunzip(body).lines().count();
  }

  private static byte[] gzip(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    var out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (var gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot gzip in memory", e);
    }
    return out.toByteArray();
  }

  private static String gunzip(byte[] body) {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("a spooled batch is not gzip", e);
    }
  }
}
