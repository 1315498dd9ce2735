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
  AlertFeed NONE =
      new AlertFeed() {
        @Override
        public Admission admit(List<Point> points) {
          return Admission.NOTHING;
        }

        @Override
        public Admission admitSignsOfLife(List<Point> refused) {
          return Admission.NOTHING;
        }
      };

  /**
   * Reserves room for the points of {@code points} that alerting needs. Any thread.
   *
   * @return an admission to deliver or cancel, or a {@linkplain Admission#refused refusal} when the
   *     queue has no room for them (nothing was reserved)
   */
  Admission admit(List<Point> points);

  /**
   * Reserves room for the signs of life of a push the collector refuses for now (answered 503, to
   * be sent again because the InfluxDB writer is full): its points that absence rules watch ({@link
   * AlertPointFilter#signsOfLife}). Delivered, they keep a host that is still sending from being
   * paged as silent while the collector or InfluxDB is behind; when the push comes again, the
   * engine counts those points once. Any thread.
   *
   * @return as {@link #admit}
   */
  Admission admitSignsOfLife(List<Point> refused);
}
