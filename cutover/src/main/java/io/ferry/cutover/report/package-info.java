/**
 * The comparison's result model (check results, per-table data results, verdict and exit code) and
 * its JSON writer. Kept apart from the checks that produce it and the outputs that render it.
 */
package io.ferry.cutover.report;
