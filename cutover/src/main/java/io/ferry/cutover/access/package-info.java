/**
 * What must hold before anything is compared: every server can be reached, the comparison's account
 * has every privilege the run needs on it, and no two endpoints are one server. A run that fails
 * here compares nothing and sets the could-not-finish bit, so that nothing unread can pass.
 */
package io.ferry.cutover.access;
