/**
 * Who may write and how fast: the tokens in force ({@link io.ferry.collector.auth.TokenRegistry}),
 * reloaded from {@code auth.tokens_file} without a restart ({@link
 * io.ferry.collector.auth.TokensFileWatcher}, {@link io.ferry.collector.auth.SighupReload}), and
 * per-token rate limits ({@link io.ferry.collector.auth.TokenRateLimits}).
 */
package io.ferry.collector.auth;
