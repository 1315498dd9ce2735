package io.ferry.agent.input.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.ferry.agent.input.CollectingAccumulator;
import io.ferry.lineprotocol.FieldValue;
import io.ferry.lineprotocol.Point;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads this machine for real: no CPU usage on the first poll, all families after it. */
class OshiOsInputTest {

  @Test
  void readsEveryFamilyAndCpuOnceTwoPollsDiffer() {
    var source = new OshiOsInput(OsInputConfig.defaults());

    var first = new CollectingAccumulator();
    source.collect(first);
    // CPU counters advance in 10 ms steps: polls right after each other can see no change, and
    // then honestly report no usage, so poll until some CPU time has passed.
    var polls = new ArrayList<CollectingAccumulator>();
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> measurements(poll(source, polls).points()).contains("cpu"));
    CollectingAccumulator second = polls.get(polls.size() - 1);

    assertThat(first.errors()).isEmpty();
    assertThat(second.errors()).isEmpty();
    assertThat(measurements(first.points()))
        .doesNotContain("cpu")
        .contains("system", "mem", "disk");
    assertThat(measurements(second.points())).contains("cpu", "system", "mem", "disk");

    Point cpu = only(second.points(), "cpu");
    assertThat(cpu.tags()).containsEntry("cpu", "cpu-total");
    double sum =
        cpu.fields().values().stream()
            .mapToDouble(value -> ((FieldValue.FloatValue) value).value())
            .sum();
    assertThat(sum).isCloseTo(100.0, within(0.001));

    assertThat(integer(only(second.points(), "mem"), "total")).isPositive();
    List<Point> disks =
        second.points().stream().filter(p -> p.measurement().equals("disk")).toList();
    assertThat(disks)
        .allSatisfy(
            disk -> {
              assertThat(integer(disk, "used")).isLessThanOrEqualTo(integer(disk, "total"));
              assertThat(disk.tags().get("fstype")).isNotIn(OsInputConfig.DEFAULT_FS_EXCLUDE_TYPES);
            });
    assertThat(second.points())
        .filteredOn(p -> p.measurement().equals("net"))
        .noneMatch(p -> p.tags().get("interface").equals("lo"));
  }

  private static CollectingAccumulator poll(OshiOsInput source, List<CollectingAccumulator> polls) {
    var accumulator = new CollectingAccumulator();
    source.collect(accumulator);
    polls.add(accumulator);
    return accumulator;
  }

  private static List<String> measurements(List<Point> points) {
    return points.stream().map(Point::measurement).distinct().toList();
  }

  private static Point only(List<Point> points, String measurement) {
    List<Point> matching =
        points.stream().filter(p -> p.measurement().equals(measurement)).toList();
    assertThat(matching).hasSize(1);
    return matching.get(0);
  }

  private static long integer(Point point, String field) {
    return ((FieldValue.IntegerValue) point.fields().get(field)).value();
  }
}
