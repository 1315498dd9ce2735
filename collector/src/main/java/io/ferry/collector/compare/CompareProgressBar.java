package io.ferry.collector.compare;

import io.ferry.cutover.data.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows the data comparison's progress as a terminal progress bar (rows compared of the servers'
 * estimate, with the table at hand, or why it pauses while the servers are busy); draws nothing
 * when the output is not a terminal.
 */
public final class CompareProgressBar implements ProgressListener, AutoCloseable {

  private final ProgressBar bar;
  private final PrintWriter err;

  private CompareProgressBar(ProgressBar bar, PrintWriter err) {
    this.bar = bar;
    this.err = err;
  }

  /**
   * @param err where to draw
   * @param enabled false for a listener that draws nothing (not a terminal, or --no-progress)
   */
  public static CompareProgressBar create(PrintWriter err, boolean enabled) {
    if (!enabled) {
      return new CompareProgressBar(null, err);
    }
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("Comparing rows")
            .setStyle(ProgressBarStyle.ASCII)
            .setInitialMax(1)
            .setUnit(" rows", 1)
            .showSpeed()
            .setConsumer(
                new DelegatingProgressBarConsumer(
                    line -> {
                      err.print('\r' + line);
                      err.flush();
                    }))
            .build();
    return new CompareProgressBar(bar, err);
  }

  @Override
  public void onProgress(Progress progress) {
    if (bar == null) {
      return;
    }
    bar.maxHint(Math.max(progress.rowsEstimate(), progress.rowsDone()));
    bar.stepTo(progress.rowsDone());
    bar.setExtraMessage(" " + progress.table());
  }

  @Override
  public void onPause(String reason) {
    if (bar != null) {
      bar.setExtraMessage(" PAUSED: " + reason);
      bar.refresh();
    }
  }

  @Override
  public void onResume(Duration paused) {
    if (bar != null) {
      bar.setExtraMessage(" resumed after " + paused.toMillis() / 1000.0 + " s pause");
      bar.refresh();
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      // The bar redraws its line with carriage returns; end that line before the summary.
      err.println();
      err.flush();
    }
  }
}
