package io.ferry.alerts.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.alerts.Labels;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RouteTest {

  private final Route root =
      Route.builder("ops")
          .route(Route.builder("pager").matcher("severity=\"page\"").build())
          .route(Route.builder("audit").matcher("team=\"dba\"").continueMatching(true).build())
          .route(
              Route.builder("dba")
                  .matcher("team=\"dba\"")
                  .route(Route.builder("dba-night").matcher("shift=\"night\"").build())
                  .build())
          .build();

  private static Labels labels(String... namesAndValues) {
    return Labels.of(namesAndValues);
  }

  @Test
  void theFirstMatchingChildWins() {
    assertThat(root.match(labels("severity", "page", "team", "dba")))
        .extracting(Route.Matched::key)
        .containsExactly("route.routes[0]");
  }

  @Test
  void continueTriesTheFollowingSiblingsAndDeeperRoutesTakeTheirMatch() {
    assertThat(root.match(labels("team", "dba", "shift", "night")))
        .extracting(m -> m.route().receiver())
        .containsExactly("audit", "dba-night");
    assertThat(root.match(labels("team", "dba")))
        .extracting(Route.Matched::key)
        .containsExactly("route.routes[1]", "route.routes[2]");
  }

  @Test
  void anAlertNoChildTakesGoesToTheParent() {
    assertThat(root.match(labels("alertname", "X")))
        .extracting(Route.Matched::key)
        .containsExactly("route");
  }

  @Test
  void findsRoutesByKey() {
    assertThat(root.find("route.routes[2].routes[0]").receiver()).isEqualTo("dba-night");
    assertThat(root.find("route")).isSameAs(root);
    assertThat(root.find("route.routes[9]")).isNull();
    assertThat(root.find("other")).isNull();
  }

  @Test
  void groupLabelsAreTheGroupByLabelsOrAllWithEllipsis() {
    Labels alert = labels("alertname", "DiskFull", "host", "db1", "dev", "sda");
    assertThat(Route.builder("ops").groupBy("alertname", "host").build().groupLabels(alert))
        .isEqualTo(labels("alertname", "DiskFull", "host", "db1"));
    assertThat(Route.builder("ops").groupBy("...").build().groupLabels(alert)).isEqualTo(alert);
    assertThat(Route.builder("ops").build().groupLabels(alert)).isEqualTo(labels());
  }

  @Test
  void defaultsAreAlertmanagersAndChildrenInheritThem() {
    Route parent =
        Route.builder("ops").groupBy("alertname").repeatInterval(Duration.ofHours(1)).build();
    Route child = parent.childBuilder().receiver("pager").build();

    assertThat(parent.groupWait()).isEqualTo(Duration.ofSeconds(30));
    assertThat(parent.groupInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(Route.builder("x").build().repeatInterval()).isEqualTo(Duration.ofHours(4));
    assertThat(child.repeatInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(child.groupBy()).containsExactly("alertname");
    assertThat(child.sendResolved()).isTrue();
    assertThat(root.receivers()).containsExactly("ops", "pager", "audit", "dba", "dba-night");
  }
}
