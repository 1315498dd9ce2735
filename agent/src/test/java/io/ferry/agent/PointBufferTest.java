package io.ferry.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.lineprotocol.Point;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PointBufferTest {

  @Test
  void dropsTheOldestPastTheCapacityAndCountsThem() {
    var buffer = new PointBuffer(3);

    buffer.addAll(points(1, 2));
    buffer.addAll(points(3, 5));

    assertThat(buffer.size()).isEqualTo(3);
    assertThat(buffer.dropped()).isEqualTo(2);
    assertThat(values(buffer.takeOldest(10))).containsExactly(3L, 4L, 5L);
  }

  @Test
  void takesOldestFirstInBatches() {
    var buffer = new PointBuffer(10);
    buffer.addAll(points(1, 5));

    assertThat(values(buffer.takeOldest(2))).containsExactly(1L, 2L);
    assertThat(values(buffer.takeOldest(2))).containsExactly(3L, 4L);
    assertThat(buffer.size()).isEqualTo(1);
  }

  @Test
  void batchPutBackGoesInFrontOfNewerPoints() {
    var buffer = new PointBuffer(10);
    buffer.addAll(points(1, 3));
    List<Point> batch = buffer.takeOldest(2);
    buffer.addAll(points(4, 4));

    buffer.putBack(batch);

    assertThat(values(buffer.takeOldest(10))).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void putBackIntoAFullBufferDropsTheOldest() {
    var buffer = new PointBuffer(3);
    buffer.addAll(points(1, 2));
    List<Point> batch = buffer.takeOldest(2);
    buffer.addAll(points(3, 5));

    buffer.putBack(batch);

    assertThat(values(buffer.takeOldest(10))).containsExactly(3L, 4L, 5L);
    assertThat(buffer.dropped()).isEqualTo(2);
  }

  private static List<Point> points(int from, int to) {
    return IntStream.rangeClosed(from, to)
        .mapToObj(i -> Point.builder("m").field("v", (long) i).build())
        .toList();
  }

  private static List<Long> values(List<Point> points) {
    return points.stream()
        .map(p -> ((io.ferry.lineprotocol.FieldValue.IntegerValue) p.fields().get("v")).value())
        .toList();
  }
}
