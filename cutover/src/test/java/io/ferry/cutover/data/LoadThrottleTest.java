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
        queue::removeFirst,
        pauses::add,
        25,
        Duration.ofSeconds(10),
        Duration.ofMillis(500),
        Duration.ofMillis(1500));
  }
}
