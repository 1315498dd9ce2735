package io.ferry.alerts.dispatch;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of the dispatcher, per receiver, for the host to export. Counters only grow. */
public final class DispatchMetrics {

  private final Map<String, ReceiverCounters> receivers = new ConcurrentHashMap<>();

  /** The counters of {@code receiver}, created at zero on first use. */
  public ReceiverCounters receiver(String receiver) {
    return receivers.computeIfAbsent(receiver, name -> new ReceiverCounters());
  }

  /** Every receiver's counters, by name. */
  public Map<String, ReceiverCounters> byReceiver() {
    return new TreeMap<>(receivers);
  }

  /** The counters of one receiver. */
  public static final class ReceiverCounters {
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong fellBack = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    /** Notifications the receiver took. */
    public long sent() {
      return sent.get();
    }

    /** Attempts that failed (each failed attempt counts once). */
    public long failed() {
      return failed.get();
    }

    /** Attempts that were a retry of a failed one. */
    public long retried() {
      return retried.get();
    }

    /** Notifications for this receiver handed to the fallback receiver. */
    public long fellBack() {
      return fellBack.get();
    }

    /**
     * Notifications that no receiver took after every attempt (tried again at the group's next
     * interval).
     */
    public long dropped() {
      return dropped.get();
    }

    void countSent() {
      sent.incrementAndGet();
    }

    void countFailed() {
      failed.incrementAndGet();
    }

    void countRetried() {
      retried.incrementAndGet();
    }

    void countFellBack() {
      fellBack.incrementAndGet();
    }

    void countDropped() {
      dropped.incrementAndGet();
    }

    @Override
    public String toString() {
      return "sent=%d failed=%d retried=%d fellBack=%d dropped=%d"
          .formatted(sent(), failed(), retried(), fellBack(), dropped());
    }
  }
}
