/**
 * The Ferry collector: receives line protocol from agents over InfluxDB's own write endpoints and
 * writes it to InfluxDB, acknowledging only what InfluxDB accepted. {@link
 * io.ferry.collector.CollectorVerticle} wires the parts: {@code config} reads {@code
 * collector.yml}, {@code ingest} holds the HTTP write path (authentication, parsing, answers),
 * {@code influx} the writers to InfluxDB, {@code health} and {@code metrics} the collector's view
 * of itself. {@link io.ferry.collector.CollectorDaemon} runs it; the {@code ferry} command that
 * users start it with lives in the cli module ({@code io.ferry.cli}).
 */
package io.ferry.collector;
