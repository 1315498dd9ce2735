package io.ferry.cutover.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChunkSizerTest {

  private final ChunkSizer sizer = new ChunkSizer(Duration.ofMillis(250), 1000, 10, 5000);

  @Test
  void growsTowardsTheTargetButAtMostQuadruplesPerStep() {
    sizer.record(1000, Duration.ofMillis(25));

    assertThat(sizer.current()).isEqualTo(4000);
  }

  @Test
  void settlesOnTheSizeThatTakesTheTargetTime() {
    sizer.record(1000, Duration.ofMillis(200));

    assertThat(sizer.current()).isEqualTo(1250);
  }

  @Test
  void shrinksAtMostByHalfWhenChunksAreSlow() {
    sizer.record(1000, Duration.ofSeconds(5));

    assertThat(sizer.current()).isEqualTo(500);
  }

  @Test
  void staysWithinItsBounds() {
    for (int i = 0; i < 10; i++) {
      sizer.record(sizer.current(), Duration.ofMillis(1));
    }
    assertThat(sizer.current()).isEqualTo(5000);
    for (int i = 0; i < 20; i++) {
      sizer.record(sizer.current(), Duration.ofSeconds(10));
    }
    assertThat(sizer.current()).isEqualTo(10);
  }

  @Test
  void anEmptyChunkGrowsTheNext() {
    sizer.record(0, Duration.ofMillis(1));

    assertThat(sizer.current()).isEqualTo(2000);
  }
}
