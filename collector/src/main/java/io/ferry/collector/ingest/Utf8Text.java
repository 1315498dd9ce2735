package io.ferry.collector.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a body as strict UTF-8. Bytes that are not UTF-8 refuse the body whole, naming the line
 * and the byte: decoding them with replacement characters would store text the sender never sent.
 */
final class Utf8Text {

  /** What the JDK's decoder puts in place of bytes that are not UTF-8. */
  private static final char REPLACEMENT = '\uFFFD';

  private Utf8Text() {}

  static String decode(byte[] bytes) throws BodyRefusedException {
    // The JDK's own decoder is the fast one (ASCII is copied as it is); it replaces what is not
    // UTF-8 with U+FFFD, so only a text holding U+FFFD needs the strict check below, which tells a
    // U+FFFD the sender sent from a bad byte.
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.indexOf(REPLACEMENT) < 0) {
      return text;
    }
    return decodeStrictly(bytes);
  }

  private static String decodeStrictly(byte[] bytes) throws BodyRefusedException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw notUtf8(bytes, in.position());
    }
    return out.flip().toString();
  }

  private static BodyRefusedException notUtf8(byte[] bytes, int position) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < position; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new BodyRefusedException(
        ErrorCode.INVALID,
        String.format(
            "line %d: byte %d of the line (0x%02X) is not UTF-8; line protocol is UTF-8 text;"
                + " nothing was written",
            line, position - lineStart + 1, bytes[position] & 0xFF),
        line);
  }
}
