package io.ferry.collector.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * TLS towards an {@code https://} InfluxDB ({@code influxdb.tls:}).
 *
 * @param ca PEM file of the CA(s) that signed InfluxDB's certificate ({@code ca}); default none:
 *     the Java runtime's trusted CAs
 * @param cert the collector's client certificate, PEM, for an InfluxDB (or proxy) that asks for one
 *     ({@code cert}); default none
 * @param key the client certificate's private key, PEM ({@code key}); required with {@code cert}
 * @param verify whether InfluxDB's certificate and host name are checked ({@code verify}); default
 *     true. False accepts any certificate and is meant for tests only
 */
public record InfluxTls(
    Optional<Path> ca, Optional<Path> cert, Optional<Path> key, boolean verify) {

  public static final InfluxTls DEFAULTS =
      new InfluxTls(Optional.empty(), Optional.empty(), Optional.empty(), true);
}
