package io.ferry.collector.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * TLS on the collector's HTTP server ({@code listen.tls:}); without it the server speaks plain
 * HTTP.
 *
 * @param cert the server's certificate chain, PEM ({@code cert})
 * @param key the certificate's private key, PEM, PKCS#8 or PKCS#1 ({@code key})
 * @param clientCa when set, clients must present a certificate signed by a CA in this PEM file
 *     (mutual TLS; {@code client_ca}); default none: any client may connect, the token still
 *     decides
 */
public record ListenTls(Path cert, Path key, Optional<Path> clientCa) {}
