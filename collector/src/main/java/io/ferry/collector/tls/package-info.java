/**
 * TLS settings as Vert.x and OkHttp options: the collector's HTTPS listener ({@code listen.tls})
 * and its connection to an {@code https://} InfluxDB ({@code influxdb.tls}), all from PEM files.
 */
package io.ferry.collector.tls;
