package io.ferry.dashboards.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngChartRendererTest {

  @Test
  void rendersAPngOfTheRequestedSizeWithTheSeriesColours() throws Exception {
    Map<String, Double> old = new LinkedHashMap<>();
    old.put("blog.posts", 1000.0);
    old.put("blog.users", 10.0);
    var spec =
        new BarChartSpec(
            "Rows compared",
            "table",
            "rows",
            List.of(new BarSeries("old", old), new BarSeries("new", Map.of("blog.posts", 990.0))),
            true,
            false);

    byte[] png = PngChartRenderer.render(spec, 640, 320);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(640);
    assertThat(image.getHeight()).isEqualTo(320);
    assertThat(countPixels(image, 0x0072B2)).as("pixels of the first series").isGreaterThan(500);
    assertThat(countPixels(image, 0xE69F00)).as("pixels of the second series").isGreaterThan(500);
  }

  @Test
  void stackedChartsDrawEverySeries() throws Exception {
    var spec =
        new BarChartSpec(
            "Checks",
            "family",
            "checks",
            List.of(
                new BarSeries("PASS", Map.of("schema", 5.0)),
                new BarSeries("FAIL", Map.of("schema", 2.0))),
            false,
            true);

    BufferedImage image =
        ImageIO.read(new ByteArrayInputStream(PngChartRenderer.render(spec, 400, 300)));

    assertThat(countPixels(image, 0x0072B2)).isPositive();
    assertThat(countPixels(image, 0xE69F00)).isPositive();
    assertThat(spec.categoryCount()).isEqualTo(1);
  }

  @Test
  void refusesImpossibleSizesAndEmptyCharts() {
    var spec =
        new BarChartSpec(
            "t", "c", "v", List.of(new BarSeries("s", Map.of("a", 1.0))), false, false);
    assertThatThrownBy(() -> PngChartRenderer.render(spec, 10, 10))
        .hasMessageContaining("too small: 10x10");
    assertThatThrownBy(() -> new BarChartSpec("empty", "c", "v", List.of(), false, false))
        .hasMessageContaining("chart 'empty' has no series");
  }

  private static int countPixels(BufferedImage image, int rgb) {
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
          count++;
        }
      }
    }
    return count;
  }
}
