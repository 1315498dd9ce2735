package io.ferry.alerts.dispatch;

import io.ferry.alerts.notify.Notification;
import io.ferry.alerts.notify.Notifier;
import io.ferry.alerts.notify.NotifyException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A receiver for tests: records what it took with the {@code now} of the tick that sent it, and can
 * be told to fail.
 */
final class RecordingNotifier implements Notifier {

  /** One call of {@link #send}, taken or not. */
  record Call(Instant at, Notification notification, boolean taken) {}

  private final String name;
  private final Supplier<Instant> clock;
  private final List<Call> calls = new ArrayList<>();
  private int failuresLeft;
  private boolean retryable = true;

  RecordingNotifier(String name, Supplier<Instant> clock) {
    this.name = name;
    this.clock = clock;
  }

  /** The next {@code count} sends fail; retryable or not. */
  RecordingNotifier failNext(int count, boolean retryable) {
    this.failuresLeft = count;
    this.retryable = retryable;
    return this;
  }

  /** Every send fails from now on. */
  RecordingNotifier failAlways(boolean retryable) {
    return failNext(Integer.MAX_VALUE, retryable);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(Notification notification) throws NotifyException {
    boolean fail = failuresLeft > 0;
    calls.add(new Call(clock.get(), notification, !fail));
    if (fail) {
      failuresLeft--;
      throw new NotifyException(name + ": HTTP 503 from receiver", retryable);
    }
  }

  /** Every call, failed ones included. */
  List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The notifications taken. */
  List<Call> taken() {
    return calls.stream().filter(Call::taken).toList();
  }
}
