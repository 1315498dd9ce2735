package io.ferry.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.agent.input.InputStats;
import io.ferry.agent.spool.SpoolStats;
import io.ferry.lineprotocol.LineProtocolWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentSelfMetricsTest {

  @Test
  void onePointPerSourceAndOneForThePipeline() {
    var points =
        AgentSelfMetrics.points(
            List.of(new InputStats("os", 12.5, 1, 2, 40), new InputStats("mysql:db1", -1, 0, 0, 0)),
            new PushStats(new SpoolStats(4096, 3, 120, 1_000, false, 2, 50), 5, 6, 1, 300, 10),
            3_500);

    assertThat(points.stream().map(LineProtocolWriter::toLine))
        .containsExactly(
            "ferry_agent,source=os collect_ms=12.5,errors=1i,skipped=2i,points=40i",
            "ferry_agent,source=mysql:db1 errors=0i,skipped=0i,points=0i",
            "ferry_agent batches_sent=5i,batches_failed=6i,batches_dropped=3i,points_sent=300i,"
                + "points_dropped=60i,spool_bytes=4096i,spool_batches=3i,spool_points=120i,"
                + "spool_oldest_age_seconds=2.5,spool_on_disk=false");
  }
}
