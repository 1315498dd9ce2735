package io.ferry.cutover.check;

import io.ferry.cutover.CheckContext;
import io.ferry.cutover.CutoverCheck;
import io.ferry.cutover.Phase;
import io.ferry.cutover.report.CheckFamily;
import io.ferry.cutover.report.CheckResult;
import io.ferry.cutover.report.Status;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * After the switch only: watches both primaries for {@link
 * io.ferry.cutover.ComparisonOptions#trafficWindow()} and checks that traffic moved (the new
 * primary answers more queries per second than the old one) and that nothing still writes to the
 * old primary (its own transactions no longer advance; the sessions still connected to it are
 * listed). The way back (new to old replication) is checked by the replication family.
 */
public final class TrafficCheck implements CutoverCheck {

  private final TrafficSampler sampler = new TrafficSampler();

  @Override
  public CheckFamily family() {
    return CheckFamily.TRAFFIC;
  }

  @Override
  public List<CheckResult> run(CheckContext ctx) throws SQLException {
    if (ctx.phase() != Phase.POST) {
      return List.of();
    }
    Connection oldPrimary = ctx.connection(ctx.topology().oldPrimary());
    Connection newPrimary = ctx.connection(ctx.topology().newPrimary());
    boolean mariaDb =
        GtidCatchUp.single(oldPrimary, "SELECT @@version")
            .toLowerCase(Locale.ROOT)
            .contains("mariadb");
    Duration window = ctx.options().trafficWindow();
    long started = System.nanoTime();
    TrafficSample oldBefore = sampler.read(oldPrimary, mariaDb);
    TrafficSample newBefore = sampler.read(newPrimary, mariaDb);
    try {
      Thread.sleep(window.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while watching traffic", e);
    }
    TrafficSample oldAfter = sampler.read(oldPrimary, mariaDb);
    TrafficSample newAfter = sampler.read(newPrimary, mariaDb);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    return List.of(
        trafficMoved(oldBefore, oldAfter, newBefore, newAfter, elapsed),
        oldPrimaryQuiet(oldBefore, oldAfter));
  }

  /** The new primary answers more queries per second than the old one. */
  static CheckResult trafficMoved(
      TrafficSample oldBefore,
      TrafficSample oldAfter,
      TrafficSample newBefore,
      TrafficSample newAfter,
      Duration elapsed) {
    double seconds = Math.max(0.001, elapsed.toNanos() / 1e9);
    double oldRate = (oldAfter.questions() - oldBefore.questions()) / seconds;
    double newRate = (newAfter.questions() - newBefore.questions()) / seconds;
    List<String> evidence =
        List.of(
            String.format(Locale.ROOT, "old primary: %.1f queries/s", oldRate),
            String.format(Locale.ROOT, "new primary: %.1f queries/s", newRate));
    Status status;
    String summary;
    if (oldRate < 1 && newRate < 1) {
      status = Status.WARN;
      summary = "no traffic on either primary: cannot tell whether it moved";
    } else if (newRate > oldRate) {
      status = Status.PASS;
      summary = "traffic moved to the new primary";
    } else {
      status = Status.FAIL;
      summary = "the old primary still answers at least as many queries as the new one";
    }
    return CheckResult.of(CheckFamily.TRAFFIC, "traffic moved", status, summary, evidence);
  }

  /** No transaction originated on the old primary during the window. */
  static CheckResult oldPrimaryQuiet(TrafficSample before, TrafficSample after) {
    long written = after.ownWrites() - before.ownWrites();
    List<String> evidence = new ArrayList<>();
    evidence.add("transactions written on the old primary during the window: " + written);
    after.sessions().forEach(session -> evidence.add("connected to the old primary: " + session));
    if (written > 0) {
      return CheckResult.of(
          CheckFamily.TRAFFIC,
          "old primary writes",
          Status.FAIL,
          written
              + " transactions still written on the old primary; "
              + after.sessions().size()
              + " client sessions connected",
          evidence);
    }
    return CheckResult.pass(
        CheckFamily.TRAFFIC, "old primary writes", "nothing writes to the old primary", evidence);
  }
}
