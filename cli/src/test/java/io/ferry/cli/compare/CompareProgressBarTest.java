package io.ferry.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.cutover.data.ProgressListener.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CompareProgressBarTest {

  @Test
  void aPauseAndTheResumeAreShownOnTheBar() {
    StringWriter drawn = new StringWriter();
    try (CompareProgressBar bar = CompareProgressBar.create(new PrintWriter(drawn), true)) {
      bar.onProgress(new Progress("shop.orders", 500, 1000));
      bar.onPause("Threads_running 31 > 25");
      String paused = drawn.toString();
      bar.onResume(Duration.ofMillis(1500));
      String resumed = drawn.toString().substring(paused.length());

      assertThat(paused).contains("Paused: Threads_running 31 > 25" + System.lineSeparator());
      assertThat(resumed).contains("Resumed after 1.5 s" + System.lineSeparator());
    }
  }

  @Test
  void withoutATerminalOnlyThePausesArePrinted() {
    StringWriter drawn = new StringWriter();
    try (CompareProgressBar bar = CompareProgressBar.create(new PrintWriter(drawn), false)) {
      bar.onProgress(new Progress("shop.orders", 500, 1000));
      bar.onPause("replica lag 12.0 s > 5 s");
      bar.onResume(Duration.ofSeconds(3));
    }

    assertThat(drawn.toString())
        .isEqualTo(
            "Paused: replica lag 12.0 s > 5 s"
                + System.lineSeparator()
                + "Resumed after 3.0 s"
                + System.lineSeparator());
  }
}
