/**
 * The Ferry collector: receives line protocol from agents over InfluxDB's own write endpoints and
 * writes it to InfluxDB, acknowledging only what InfluxDB accepted. {@link
 * io.ferry.collector.CollectorVerticle} wires the parts: {@code config} reads {@code
 * collector.yml}, {@code ingest} holds the HTTP write path (authentication, parsing, answers),
 * {@code influx} the writers to InfluxDB, {@code health} and {@code metrics} the collector's view
 * of itself, and {@code cli} the {@code ferry} command.
 */
package io.ferry.collector;
