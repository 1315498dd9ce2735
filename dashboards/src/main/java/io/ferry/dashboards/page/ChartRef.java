package io.ferry.dashboards.page;

/**
 * A chart image on a page.
 *
 * @param title its title, also the image's alternative text
 * @param url where the PNG is served, with the page's range
 */
public record ChartRef(String title, String url) {}
