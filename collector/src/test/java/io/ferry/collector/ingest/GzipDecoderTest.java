package io.ferry.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipDecoderTest {

  private static final String TEXT = "cpu,host=a usage=1 1700000000000000000\n".repeat(40);
  private static final int LIMIT = 1024 * 1024;

  @Test
  void decodesAWholeBody() throws Exception {
    assertThat(decode(gzip(TEXT))).isEqualTo(TEXT);
  }

  @Test
  void decodesConcatenatedMembersAsOneBody() throws Exception {
    assertThat(decode(concat(gzip("a v=1\n"), gzip("b v=2\n")))).isEqualTo("a v=1\nb v=2\n");
  }

  @Test
  void readsHeadersWithANameAndExtraField() throws Exception {
    byte[] plain = gzip("a v=1\n");
    byte[] named = new byte[plain.length + 8];
    System.arraycopy(plain, 0, named, 0, 10);
    named[3] = 4 | 8; // FEXTRA and FNAME
    named[10] = 2; // XLEN = 2
    named[12] = 'x';
    named[13] = 'y';
    named[14] = 'f';
    named[15] = 'n';
    named[16] = 'm';
    named[17] = 0;
    System.arraycopy(plain, 10, named, 18, plain.length - 10);

    assertThat(decode(named)).isEqualTo("a v=1\n");
  }

  @Test
  void everyBodyCutShortIsRefused() {
    byte[] whole = gzip(TEXT);
    for (int length = 1; length < whole.length; length++) {
      byte[] cut = Arrays.copyOf(whole, length);
      assertThatThrownBy(() -> decode(cut))
          .as("cut to %d of %d bytes", length, whole.length)
          .isInstanceOfSatisfying(
              BodyRefusedException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.INVALID);
                assertThat(e.getMessage()).endsWith("nothing was written");
              });
    }
  }

  @Test
  void aBodyWithoutItsTrailerIsRefusedAsUnexpectedEof() {
    byte[] whole = gzip(TEXT);

    assertThatThrownBy(() -> decode(Arrays.copyOf(whole, whole.length - 8)))
        .hasMessageStartingWith("unexpected EOF");
  }

  @Test
  void bytesAfterTheGzipDataAreRefused() {
    byte[] longJunk =
        concat(gzip(TEXT), "this is not gzip at all\n".getBytes(StandardCharsets.UTF_8));
    byte[] shortJunk = concat(gzip(TEXT), new byte[] {0x1f});

    assertThatThrownBy(() -> decode(longJunk))
        .hasMessageStartingWith("gzip: invalid header (other bytes follow the gzip data at byte");
    assertThatThrownBy(() -> decode(shortJunk)).hasMessageStartingWith("unexpected EOF");
  }

  @Test
  void aWrongChecksumOrLengthIsRefused() {
    byte[] crc = gzip(TEXT);
    crc[crc.length - 8] ^= 1;
    byte[] size = gzip(TEXT);
    size[size.length - 1] ^= 1;

    assertThatThrownBy(() -> decode(crc)).hasMessageStartingWith("gzip: invalid checksum");
    assertThatThrownBy(() -> decode(size)).hasMessageStartingWith("gzip: invalid checksum");
  }

  @Test
  void aBodyThatIsNotGzipIsRefusedWithInfluxDbsMessage() {
    assertThatThrownBy(() -> decode(TEXT.getBytes(StandardCharsets.UTF_8)))
        .hasMessageStartingWith("gzip: invalid header (the body is not gzip");
    assertThatThrownBy(() -> decode(new byte[0])).hasMessageStartingWith("EOF");
  }

  @Test
  void corruptDeflateDataIsRefused() {
    byte[] corrupt = gzip(TEXT);
    corrupt[10] = (byte) 0xFF; // block type 3 does not exist

    assertThatThrownBy(() -> decode(corrupt)).hasMessageStartingWith("flate: corrupt input");
  }

  @Test
  void aBombIsRefusedOnceTheOutputPassesTheLimit() throws Exception {
    var bytes = new ByteArrayOutputStream();
    try (var out = new GZIPOutputStream(bytes)) {
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 64; i++) {
        out.write(zeros);
      }
    }
    byte[] bomb = bytes.toByteArray();
    assertThat(bomb.length).isLessThan(LIMIT);

    assertThatThrownBy(() -> GzipDecoder.decode(bomb, LIMIT, "ingest.max_body_bytes"))
        .isInstanceOfSatisfying(
            BodyRefusedException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.TOO_LARGE);
              assertThat(e.getMessage()).contains("ingest.max_body_bytes");
            });
  }

  @Test
  void aBodyOfExactlyTheLimitIsAccepted() throws Exception {
    String text = "x".repeat(4096);

    assertThat(GzipDecoder.decode(gzip(text), 4096, "limit")).hasSize(4096);
    assertThatThrownBy(() -> GzipDecoder.decode(gzip(text), 4095, "limit"))
        .isInstanceOf(BodyRefusedException.class);
  }

  private static String decode(byte[] gzip) throws BodyRefusedException {
    return new String(
        GzipDecoder.decode(gzip, LIMIT, "ingest.max_body_bytes"), StandardCharsets.UTF_8);
  }

  private static byte[] gzip(String text) {
    var bytes = new ByteArrayOutputStream();
    try (var out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
