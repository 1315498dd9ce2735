/**
 * Ferry's own pages as a library: the page model (records, one view per page), the jte templates
 * that render it with HTML escaping, and the navigation and time-range state every link carries.
 * Nothing here knows HTTP or InfluxDB: the collector fills the views and serves the HTML.
 */
package io.ferry.dashboards.page;
