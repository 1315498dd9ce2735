package io.ferry.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.lineprotocol.LineError;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PartialWriteMessageTest {

  @Test
  void everyBadLineIsNamed() {
    var errors =
        List.of(
            new LineError(2, "field value oops is not a number", "cpu usage=oops"),
            new LineError(5, "no field", "cpu,host=d"));

    assertThat(WriteHandler.partialWriteMessage(errors))
        .isEqualTo(
            "partial write: line 2: field value oops is not a number (cpu usage=oops);"
                + " line 5: no field (cpu,host=d)");
  }

  @Test
  void beyondAHundredBadLinesTheRestAreCounted() {
    var errors = IntStream.rangeClosed(1, 130).mapToObj(i -> new LineError(i, "bad", "x")).toList();

    String message = WriteHandler.partialWriteMessage(errors);

    assertThat(message).contains("line 100: bad").doesNotContain("line 101:");
    assertThat(message).endsWith("; and 30 more bad lines");
  }
}
