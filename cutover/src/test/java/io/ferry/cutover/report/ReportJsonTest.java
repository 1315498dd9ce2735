package io.ferry.cutover.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

  @Test
  void writesTheDocumentLayoutExactly() throws IOException {
    String json = new ReportJson().write(ReportFixtures.sample());

    assertThat(json).isEqualTo(golden("report-golden.json"));
  }

  @Test
  void neverContainsAPassword() {
    String json = new ReportJson().write(ReportFixtures.sample());

    assertThat(json).doesNotContain("secret@").contains("password=***");
    assertThat(json.replace("\"secret\" : ", "")).doesNotContain("secret");
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = ReportJsonTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
    }
  }
}
