package io.ferry.dashboards.page;

/**
 * The login form.
 *
 * @param next the local path to go to after logging in
 * @param error why the last attempt failed, or null
 */
public record LoginView(String next, String error) {}
