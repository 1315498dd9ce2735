package io.ferry.cutover.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadThrottleTest {

  private final List<Duration> pauses = new ArrayList<>();
  private long now;
  private int reads;

  @Test
  void doesNotPauseWhenTheServersAreCalm() throws Exception {
    throttle(new ServerLoad(3, 0)).awaitCapacity();

    assertThat(pauses).isEmpty();
  }

  @Test
  void pausesWhileThreadsRunningOrLagAreAboveTheLimits() throws Exception {
    LoadThrottle throttle =
        throttle(new ServerLoad(40, 0), new ServerLoad(3, 12), new ServerLoad(3, 1));

    throttle.awaitCapacity();

    assertThat(pauses).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
    assertThat(throttle.throttled()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aCalmReadingStandsForOneStep() throws Exception {
    LoadThrottle throttle =
        throttle(new ServerLoad(3, 0), new ServerLoad(40, 0), new ServerLoad(3, 0));

    throttle.awaitCapacity();
    now += Duration.ofMillis(499).toNanos();
    throttle.awaitCapacity();
    assertThat(reads).isEqualTo(1);

    now += Duration.ofMillis(1).toNanos();
    throttle.awaitCapacity();
    assertThat(reads).isEqualTo(3);
    assertThat(pauses).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void givesUpWithBothMeasurementsAfterTheLongestWait() {
    LoadThrottle throttle =
        throttle(
            new ServerLoad(40, 0),
            new ServerLoad(40, 0),
            new ServerLoad(40, 0),
            new ServerLoad(41, 2));

    assertThatThrownBy(throttle::awaitCapacity)
        .isInstanceOf(ComparisonStoppedException.class)
        .hasMessageContaining("Threads_running 41, limit 25")
        .hasMessageContaining("replica lag 2 s, limit 10 s");
    assertThat(pauses).hasSize(3);
  }

  private LoadThrottle throttle(ServerLoad... loads) {
    Deque<ServerLoad> queue = new ArrayDeque<>(List.of(loads));
    return new LoadThrottle(
        () -> {
          reads++;
          return queue.removeFirst();
        },
        pause -> {
          pauses.add(pause);
          now += pause.toNanos();
        },
        () -> now,
        25,
        Duration.ofSeconds(10),
        Duration.ofMillis(500),
        Duration.ofMillis(1500));
  }
}
