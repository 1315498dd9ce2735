package io.ferry.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PushRefusalsTest {

  @Test
  void theShareRefusedSinceTheLastLookThenCountingStartsAnew() {
    var refusals = new PushRefusals();
    for (int i = 0; i < 4; i++) {
      refusals.offered();
    }
    refusals.refused();

    assertThat(refusals.percentRefusedSinceLastLook()).isEqualTo(25.0);
    assertThat(refusals.percentRefusedSinceLastLook()).as("nothing offered since").isZero();

    refusals.offered();
    refusals.refused();
    assertThat(refusals.percentRefusedSinceLastLook()).isEqualTo(100.0);
  }

  @Test
  void aRefusalCountedBeforeItsOfferNeverPassesAHundredPercent() {
    var refusals = new PushRefusals();
    refusals.refused();

    assertThat(refusals.percentRefusedSinceLastLook()).as("nothing offered: no share").isZero();
    refusals.offered();
    refusals.refused();
    refusals.refused();
    assertThat(refusals.percentRefusedSinceLastLook()).isEqualTo(100.0);
  }
}
