package io.ferry.collector.alerting;

import io.ferry.lineprotocol.Point;
import java.util.List;

/**
 * Where the write endpoints hand accepted points for alerting: the collector's own alert engine, or
 * in a cluster the forwarder to the leader. Each has a bounded queue, and the decision to take a
 * push is made before anything of it is queued: the write handler first {@linkplain #admit admits}
 * the points here, then offers them to the InfluxDB writer, and only when the writer takes them too
 * {@linkplain Admission#deliver delivers} them; otherwise it {@linkplain Admission#cancel cancels}
 * the admission, and the push is answered 503 with nothing of it queued anywhere.
 */
public interface AlertFeed {

  /** No alerting: every push is admitted and nothing is kept. */
  AlertFeed NONE = points -> Admission.NOTHING;

  /**
   * Reserves room for the points of {@code points} that alerting needs. Any thread.
   *
   * @return an admission to deliver or cancel, or a {@linkplain Admission#refused refusal} when the
   *     queue has no room for them (nothing was reserved)
   */
  Admission admit(List<Point> points);
}
