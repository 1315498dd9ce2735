package io.ferry.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.agent.input.SourceStats;
import io.ferry.lineprotocol.LineProtocolWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentSelfMetricsTest {

  @Test
  void onePointPerSourceAndOneForThePipeline() {
    var points =
        AgentSelfMetrics.points(
            List.of(
                new SourceStats("os", 12.5, 1, 2, 40), new SourceStats("mysql:db1", -1, 0, 0, 0)),
            new PushStats(5, 6, 7, 8));

    assertThat(points.stream().map(LineProtocolWriter::toLine))
        .containsExactly(
            "ferry_agent,source=os collect_ms=12.5,errors=1i,skipped=2i,points=40i",
            "ferry_agent,source=mysql:db1 errors=0i,skipped=0i,points=0i",
            "ferry_agent buffered_points=5i,dropped_points=6i,push_errors=7i,pushed_points=8i");
  }
}
