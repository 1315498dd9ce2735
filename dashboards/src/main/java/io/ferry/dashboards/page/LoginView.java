package io.ferry.dashboards.page;

/**
 * The login form.
 *
 * @param next the local path to go to after logging in
 * @param error why the last attempt failed, or null
 * @param csrfToken the token the form posts back, tied to the browser's session before login, so
 *     that another site cannot log a browser in with the attacker's token (login CSRF)
 */
public record LoginView(String next, String error, String csrfToken) {}
