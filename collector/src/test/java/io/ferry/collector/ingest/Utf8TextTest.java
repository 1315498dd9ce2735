package io.ferry.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8TextTest {

  @Test
  void decodesUtf8IncludingCharactersOutsideTheBasicPlane() throws Exception {
    String text = "température,lieu=Zürich v=1\nemoji,icon=\uD83D\uDE80 v=2\n";

    assertThat(Utf8Text.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
  }

  @Test
  void namesTheLineAndByteOfTheFirstBadByte() {
    byte[] body = bytes("a v=1\nb v=\"x", 0xFF, "\"\n");

    assertThatThrownBy(() -> Utf8Text.decode(body))
        .isInstanceOfSatisfying(
            BodyRefusedException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID);
              assertThat(e.line()).isEqualTo(2);
            })
        .hasMessage(
            "line 2: byte 7 of the line (0xFF) is not UTF-8; line protocol is UTF-8 text;"
                + " nothing was written");
  }

  @Test
  void refusesOverlongEncodingsSurrogatesAndASequenceCutAtTheEnd() {
    assertThatThrownBy(() -> Utf8Text.decode(bytes("a,t=", 0xC0, 0x80, " v=1")))
        .hasMessageContaining("byte 5 of the line (0xC0)");
    assertThatThrownBy(() -> Utf8Text.decode(bytes("a,t=", 0xED, 0xA0, 0x80, " v=1")))
        .hasMessageContaining("(0xED)");
    assertThatThrownBy(() -> Utf8Text.decode(bytes("a v=1\na v=", 0xE2, 0x82)))
        .hasMessageContaining("line 2: byte 5 of the line (0xE2)");
  }

  @Test
  void aReplacementCharacterTheSenderSentIsTextLikeAnyOther() throws Exception {
    String text = "a,t=\uFFFD v=1\n";

    assertThat(Utf8Text.decode(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    assertThatThrownBy(() -> Utf8Text.decode(bytes("a,t=\uFFFD v=1\nb v=", 0xFF)))
        .hasMessageContaining("line 2: byte 5 of the line (0xFF)");
  }

  private static byte[] bytes(Object... parts) {
    var out = new java.io.ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      } else {
        out.write((Integer) part);
      }
    }
    return out.toByteArray();
  }
}
