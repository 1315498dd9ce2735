package io.ferry.dashboards.chart;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * Draws charts to PNG with JFreeChart in headless mode. Rendering is CPU-bound and can take tens of
 * milliseconds: callers on an event loop must run it on a worker pool.
 */
public final class PngChartRenderer {

  /** Series colours: colour-blind-safe (Okabe–Ito), in legend order. */
  private static final Color[] PALETTE = {
    new Color(0x0072B2),
    new Color(0xE69F00),
    new Color(0x009E73),
    new Color(0xD55E00),
    new Color(0xCC79A7),
    new Color(0x56B4E9)
  };

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private PngChartRenderer() {}

  /**
   * Renders a bar chart.
   *
   * @param width image width in pixels
   * @param height image height in pixels
   * @return the PNG image's bytes
   */
  public static byte[] render(BarChartSpec spec, int width, int height) {
    checkSize(spec.title(), width, height);
    var dataset = new DefaultCategoryDataset();
    for (BarSeries series : spec.series()) {
      for (Map.Entry<String, Double> value : series.values().entrySet()) {
        dataset.addValue(value.getValue(), series.name(), value.getKey());
      }
    }
    PlotOrientation orientation =
        spec.horizontal() ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL;
    JFreeChart chart =
        spec.stacked()
            ? ChartFactory.createStackedBarChart(
                spec.title(),
                spec.categoryAxis(),
                spec.valueAxis(),
                dataset,
                orientation,
                true,
                false,
                false)
            : ChartFactory.createBarChart(
                spec.title(),
                spec.categoryAxis(),
                spec.valueAxis(),
                dataset,
                orientation,
                true,
                false,
                false);
    style(chart, spec);
    return png(chart, spec.title(), width, height);
  }

  /** The text drawn in place of lines when a time chart has no points. */
  public static final String NO_DATA = "no data";

  /** The colour of marked moments (the switch): a dark magenta no series uses. */
  static final Color MARKER = new Color(0x8E, 0x24, 0xAA);

  /**
   * Renders a time chart: one line per series, time on the horizontal axis in UTC. A chart without
   * any point draws {@value #NO_DATA} on an empty plot instead of failing.
   *
   * @param width image width in pixels
   * @param height image height in pixels
   * @return the PNG image's bytes
   */
  public static byte[] render(TimeChartSpec spec, int width, int height) {
    checkSize(spec.title(), width, height);
    var dataset = new TimeSeriesCollection(java.util.TimeZone.getTimeZone("UTC"));
    for (TimeSeries series : spec.series()) {
      if (series.points().isEmpty()) {
        continue;
      }
      var line = new org.jfree.data.time.TimeSeries(series.name());
      for (TimeSeries.Point point : series.points()) {
        line.addOrUpdate(new FixedMillisecond(point.at().toEpochMilli()), point.value());
      }
      dataset.addSeries(line);
    }
    JFreeChart chart =
        ChartFactory.createTimeSeriesChart(
            spec.title(),
            null,
            spec.valueAxis(),
            dataset,
            dataset.getSeriesCount() > 1,
            false,
            false);
    chart.setBackgroundPaint(Color.WHITE);
    XYPlot plot = chart.getXYPlot();
    plot.setNoDataMessage(NO_DATA);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    plot.setDomainGridlinePaint(new Color(0xDDDDDD));
    plot.setOutlineVisible(false);
    // A flat line (a budget at exactly 0, a lag of 0) gets a readable axis, not ±5E-9.
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeMinimumSize(0.1);
    DateAxis timeAxis = (DateAxis) plot.getDomainAxis();
    timeAxis.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    if (spec.from() != null && spec.to() != null) {
      timeAxis.setRange(spec.from().toEpochMilli(), spec.to().toEpochMilli());
    }
    // Few points (verdicts, a new host) read better as marks than as a bare line.
    boolean sparse =
        spec.series().stream().mapToInt(series -> series.points().size()).max().orElse(0) < 20;
    if (plot.getRenderer() instanceof XYLineAndShapeRenderer lines) {
      lines.setDefaultShapesVisible(sparse);
    }
    for (int i = 0; i < dataset.getSeriesCount(); i++) {
      plot.getRenderer().setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      plot.getRenderer().setSeriesStroke(i, new java.awt.BasicStroke(2f));
    }
    for (TimeMarker moment : spec.markers()) {
      var marker = new org.jfree.chart.plot.ValueMarker(moment.at().toEpochMilli());
      marker.setPaint(MARKER);
      marker.setStroke(
          new java.awt.BasicStroke(
              2f,
              java.awt.BasicStroke.CAP_BUTT,
              java.awt.BasicStroke.JOIN_MITER,
              10f,
              new float[] {6f, 4f},
              0f));
      marker.setAlpha(1f);
      marker.setLabel(moment.label());
      marker.setLabelPaint(MARKER);
      marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
      marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
      plot.addDomainMarker(marker, org.jfree.chart.ui.Layer.FOREGROUND);
    }
    return png(chart, spec.title(), width, height);
  }

  private static void checkSize(String title, int width, int height) {
    if (width < 100 || height < 80) {
      throw new IllegalArgumentException(
          "chart '" + title + "' is too small: " + width + "x" + height + " px");
    }
  }

  private static byte[] png(JFreeChart chart, String title, int width, int height) {
    var png = new ByteArrayOutputStream(32 * 1024);
    try {
      ChartUtils.writeChartAsPNG(png, chart, width, height);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render chart '" + title + "'", e);
    }
    return png.toByteArray();
  }

  private static void style(JFreeChart chart, BarChartSpec spec) {
    chart.setBackgroundPaint(Color.WHITE);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xDDDDDD));
    plot.setOutlineVisible(false);
    var renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.05);
    int next = 0;
    for (int i = 0; i < spec.series().size(); i++) {
      Integer rgb = spec.series().get(i).rgb();
      renderer.setSeriesPaint(i, rgb != null ? new Color(rgb) : PALETTE[next++ % PALETTE.length]);
    }
    boolean wholeNumbers =
        spec.series().stream()
            .flatMap(series -> series.values().values().stream())
            .allMatch(value -> value == Math.rint(value));
    if (wholeNumbers) {
      ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }
  }
}
