package io.ferry.cutover.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadThrottleTest {

  private static final List<LoadLimit> LIMITS =
      List.of(
          new LoadLimit("Threads_running", 25), new LoadLimit("Innodb_row_lock_current_waits", 3));

  private final List<Duration> pauses = new ArrayList<>();
  private final List<String> told = new ArrayList<>();
  private long now;
  private int reads;

  @Test
  void doesNotPauseWhenTheServersAreCalm() throws Exception {
    throttle(load(3, 0, 0)).awaitCapacity();

    assertThat(pauses).isEmpty();
    assertThat(told).isEmpty();
  }

  @Test
  void pausesWhileAnyStatusVariableOrTheLagIsAboveItsLimitAndSaysSo() throws Exception {
    LoadThrottle throttle =
        throttle(load(40, 0, 0), load(3, 5, 0), load(3, 0, 12.5), load(3, 0, 1));

    throttle.awaitCapacity();

    assertThat(pauses).hasSize(3).containsOnly(Duration.ofMillis(500));
    assertThat(throttle.throttled()).isEqualTo(Duration.ofMillis(1500));
    assertThat(told).containsExactly("pause Threads_running 40 > 25", "resume PT1.5S");
  }

  @Test
  void theLagBoundIsReadInSecondsWithFractions() {
    assertThat(load(3, 0, 10.4).overLimit(LIMITS, 10)).contains("replica lag 10.4 s > 10 s");
    assertThat(load(3, 0, 10).overLimit(LIMITS, 10)).isEmpty();
    assertThat(load(3, 4, 0).overLimit(LIMITS, 10)).contains("Innodb_row_lock_current_waits 4 > 3");
  }

  @Test
  void aCalmReadingStandsForOneStep() throws Exception {
    LoadThrottle throttle = throttle(load(3, 0, 0), load(40, 0, 0), load(3, 0, 0));

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
  void givesUpWithWhatIsOverTheLimitAfterTheLongestWait() {
    LoadThrottle throttle =
        throttle(load(40, 0, 0), load(40, 0, 0), load(40, 0, 0), load(41, 0, 2));

    assertThatThrownBy(throttle::awaitCapacity)
        .isInstanceOf(ComparisonStoppedException.class)
        .hasMessage("servers stayed busy for 1 s (Threads_running 41 > 25)");
    assertThat(pauses).hasSize(3);
    assertThat(told).containsExactly("pause Threads_running 40 > 25");
  }

  private static ServerLoad load(long threadsRunning, long lockWaits, double lagSeconds) {
    return new ServerLoad(
        Map.of("THREADS_RUNNING", threadsRunning, "INNODB_ROW_LOCK_CURRENT_WAITS", lockWaits),
        lagSeconds);
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
        LIMITS,
        Duration.ofSeconds(10),
        Duration.ofMillis(500),
        Duration.ofMillis(1500),
        new ProgressListener() {
          @Override
          public void onProgress(Progress progress) {}

          @Override
          public void onPause(String reason) {
            told.add("pause " + reason);
          }

          @Override
          public void onResume(Duration paused) {
            told.add("resume " + paused);
          }
        });
  }
}
