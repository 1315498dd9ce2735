package io.ferry.agent.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The record layout on golden bytes, and damaged bytes recognised as such. */
class SpoolRecordTest {

  private static final SpoolRecord RECORD =
      new SpoolRecord(1_700_000_000_123L, 2, "ab".getBytes(StandardCharsets.US_ASCII));

  @Test
  void encodesMarkerLengthChecksumAndPayload() {
    assertThat(HexFormat.of().formatHex(RECORD.encode()))
        .isEqualTo("46525931" + "0000000e" + "59f20b65" + "0000018bcfe5687b" + "00000002" + "6162");
    assertThat(RECORD.encodedSize()).isEqualTo(RECORD.encode().length);
  }

  @Test
  void decodesWhatItEncodedAtAnOffset() {
    byte[] two = concat(RECORD.encode(), RECORD.encode());

    SpoolRecord.Decoded second = SpoolRecord.decode(two, RECORD.encodedSize());

    assertThat(second.intact()).isTrue();
    assertThat(second.size()).isEqualTo(RECORD.encodedSize());
    assertThat(second.record().createdMillis()).isEqualTo(1_700_000_000_123L);
    assertThat(second.record().points()).isEqualTo(2);
    assertThat(new String(second.record().body(), StandardCharsets.US_ASCII)).isEqualTo("ab");
  }

  @Test
  void aRecordCutShortIsTorn() {
    byte[] bytes = RECORD.encode();

    assertThat(SpoolRecord.decode(Arrays.copyOf(bytes, bytes.length - 1), 0).damage())
        .isEqualTo("torn record (14 bytes announced, 13 there)");
    assertThat(SpoolRecord.decode(Arrays.copyOf(bytes, 5), 0).damage())
        .isEqualTo("torn header (5 bytes)");
  }

  @Test
  void aFlippedByteFailsTheChecksum() {
    byte[] bytes = RECORD.encode();
    bytes[bytes.length - 1] ^= 1;

    assertThat(SpoolRecord.decode(bytes, 0).damage()).isEqualTo("checksum mismatch");
  }

  @Test
  void zerosAreNotARecord() {
    assertThat(SpoolRecord.decode(new byte[32], 0).damage()).isEqualTo("no record marker");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
