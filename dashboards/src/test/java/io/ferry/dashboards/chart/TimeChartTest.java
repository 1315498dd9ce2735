package io.ferry.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TimeChartTest {

  private static final int FIRST_SERIES = 0x0072B2;

  @Test
  void aSeriesInGivesAPngOfTheRequestedSizeWithTheLineDrawn() throws Exception {
    List<TimeSeries.Point> points = new ArrayList<>();
    Instant start = Instant.parse("2026-03-01T12:00:00Z");
    for (int i = 0; i < 60; i++) {
      points.add(new TimeSeries.Point(start.plusSeconds(10L * i), 20 + 10 * Math.sin(i / 5.0)));
    }
    var spec = new TimeChartSpec("CPU busy", "%", List.of(new TimeSeries("db1", points)));

    BufferedImage image = image(PngChartRenderer.render(spec, 720, 280));

    assertThat(image.getWidth()).isEqualTo(720);
    assertThat(image.getHeight()).isEqualTo(280);
    assertThat(countPixels(image, FIRST_SERIES)).as("pixels of the line").isGreaterThan(300);
  }

  @Test
  void anEmptySeriesDrawsNoDataInsteadOfFailing() throws Exception {
    var empty = new TimeChartSpec("Lag", "s", List.of(new TimeSeries("db2/default", List.of())));
    var none = new TimeChartSpec("Lag", "s", List.of());

    for (TimeChartSpec spec : List.of(empty, none)) {
      assertThat(spec.empty()).isTrue();
      BufferedImage image = image(PngChartRenderer.render(spec, 400, 200));
      assertThat(image.getWidth()).isEqualTo(400);
      assertThat(countPixels(image, FIRST_SERIES)).isZero();
      // The "no data" message is drawn in the middle of the plot; with no message the middle
      // band would be blank.
      assertThat(darkPixels(image, 150, 250, 90, 130))
          .as("dark pixels of the 'no data' text in the plot's middle")
          .isGreaterThan(20);
    }
  }

  @Test
  void aMarkedMomentIsDrawnAsAVerticalLineWhereItFalls() throws Exception {
    Instant from = Instant.parse("2026-03-01T12:00:00Z");
    Instant to = from.plusSeconds(3600);
    List<TimeSeries.Point> points =
        List.of(new TimeSeries.Point(from.plusSeconds(600), 2), new TimeSeries.Point(to, 0));
    var unmarked =
        new TimeChartSpec(
            "Failed checks", "checks", List.of(new TimeSeries("pre", points)), from, to);
    var marked =
        new TimeChartSpec(
            "Failed checks",
            "checks",
            List.of(new TimeSeries("pre", points)),
            from,
            to,
            List.of(new TimeMarker(from.plusSeconds(1800), "switch")));

    int rgb = PngChartRenderer.MARKER.getRGB() & 0xFFFFFF;
    assertThat(countPixels(image(PngChartRenderer.render(unmarked, 720, 280)), rgb)).isZero();
    BufferedImage image = image(PngChartRenderer.render(marked, 720, 280));
    assertThat(countPixels(image, rgb)).as("the dashed line and its label").isGreaterThan(60);
    int left = 0;
    int middle = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        if (near(image.getRGB(x, y), rgb)) {
          if (x < 300) {
            left++;
          } else if (x < 420) {
            middle++;
          }
        }
      }
    }
    assertThat(left).as("nothing of the marker left of the middle").isZero();
    assertThat(middle).as("the line, half-way along the time axis").isGreaterThan(60);
  }

  private static boolean near(int pixel, int rgb) {
    return Math.abs(((pixel >> 16) & 0xFF) - ((rgb >> 16) & 0xFF))
            + Math.abs(((pixel >> 8) & 0xFF) - ((rgb >> 8) & 0xFF))
            + Math.abs((pixel & 0xFF) - (rgb & 0xFF))
        < 60;
  }

  private static BufferedImage image(byte[] png) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(png));
  }

  private static int countPixels(BufferedImage image, int rgb) {
    int count = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        int pixel = image.getRGB(x, y);
        // Lines are anti-aliased: count pixels near the colour.
        int distance =
            Math.abs(((pixel >> 16) & 0xFF) - ((rgb >> 16) & 0xFF))
                + Math.abs(((pixel >> 8) & 0xFF) - ((rgb >> 8) & 0xFF))
                + Math.abs((pixel & 0xFF) - (rgb & 0xFF));
        if (distance < 60) {
          count++;
        }
      }
    }
    return count;
  }

  private static int darkPixels(BufferedImage image, int x0, int x1, int y0, int y1) {
    int count = 0;
    for (int x = x0; x < x1; x++) {
      for (int y = y0; y < y1; y++) {
        int rgb = image.getRGB(x, y);
        int brightness = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
        if (brightness < 300) {
          count++;
        }
      }
    }
    return count;
  }
}
