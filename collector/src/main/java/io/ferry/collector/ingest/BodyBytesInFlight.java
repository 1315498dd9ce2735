package io.ferry.collector.ingest;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of write request bodies the collector holds now, from the first byte received until the
 * body is parsed ({@code ingest.max_body_bytes_in_flight} bounds it). Without it, many clients each
 * sending a body just under {@code max_body_bytes} would make the collector hold that limit times
 * the number of clients. Thread-safe.
 */
public final class BodyBytesInFlight {

  private final long limit;
  private final AtomicLong bytes = new AtomicLong();

  /**
   * @param limit the most bytes held at once
   */
  public BodyBytesInFlight(long limit) {
    this.limit = limit;
  }

  /** Takes {@code count} bytes of the bound; false (and nothing taken) when they do not fit. */
  public boolean tryTake(long count) {
    while (true) {
      long now = bytes.get();
      if (now + count > limit) {
        return false;
      }
      if (bytes.compareAndSet(now, now + count)) {
        return true;
      }
    }
  }

  /** Gives back {@code count} bytes taken before. */
  public void giveBack(long count) {
    bytes.addAndGet(-count);
  }

  /** Bytes held now. */
  public long bytes() {
    return bytes.get();
  }

  /** The bound, in bytes. */
  public long limit() {
    return limit;
  }
}
