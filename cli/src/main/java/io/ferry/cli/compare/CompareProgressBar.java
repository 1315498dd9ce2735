package io.ferry.cli.compare;

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

  /** Back to the line's start and erase it (ANSI; the bar is drawn on terminals only). */
  private static final String CLEAR_LINE = "\r\u001b[K";

  private final ProgressBar bar;
  private final PrintWriter err;

  private CompareProgressBar(ProgressBar bar, PrintWriter err) {
    this.bar = bar;
    this.err = err;
  }

  /**
   * @param err where to draw
   * @param enabled false for a listener that draws no bar (not a terminal, or --no-progress)
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
                      synchronized (err) {
                        err.print('\r' + line);
                        err.flush();
                      }
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

  /**
   * Prints the reason on a line of its own above the bar (the bar's line is cut to the terminal's
   * width, which would cut the reason), as pt-table-checksum prints its pauses, and marks the bar.
   * Without a bar (not a terminal, {@code --no-progress}) the line is printed all the same: a run
   * from cron or CI says why it waits too.
   */
  @Override
  public void onPause(String reason) {
    line("Paused: " + reason);
    if (bar != null) {
      bar.setExtraMessage(" PAUSED");
      bar.refresh();
    }
  }

  @Override
  public void onResume(Duration paused) {
    line("Resumed after " + paused.toMillis() / 1000.0 + " s");
    if (bar != null) {
      bar.setExtraMessage("");
      bar.refresh();
    }
  }

  private void line(String text) {
    synchronized (err) {
      err.print((bar == null ? "" : CLEAR_LINE) + text + System.lineSeparator());
      err.flush();
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
