package io.ferry.collector.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueuedPointsTest {

  @Test
  void admitsWithinTheBoundAndRefusesPastItCountingNothingForARefusal() {
    QueuedPoints queue = new QueuedPoints(10);

    assertThat(queue.tryAdd(6)).isTrue();
    assertThat(queue.tryAdd(4)).isTrue();
    assertThat(queue.tryAdd(1)).isFalse();
    assertThat(queue.queued()).isEqualTo(10);

    queue.remove(6);
    assertThat(queue.tryAdd(7)).isFalse();
    assertThat(queue.tryAdd(6)).isTrue();
    assertThat(queue.queued()).isEqualTo(10);
  }

  @Test
  void anEmptyQueueTakesABatchLargerThanTheBoundSoItIsNotRefusedForever() {
    QueuedPoints queue = new QueuedPoints(10);

    assertThat(queue.tryAdd(25)).isTrue();
    assertThat(queue.tryAdd(1)).isFalse();
    queue.remove(25);
    assertThat(queue.queued()).isZero();
  }

  @Test
  void aBoundBelowOnePointIsRefused() {
    assertThatThrownBy(() -> new QueuedPoints(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
