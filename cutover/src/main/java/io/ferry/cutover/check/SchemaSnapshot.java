package io.ferry.cutover.check;

import java.util.Map;

/**
 * The schema objects of one server.
 *
 * @param objects per category, object name ({@code schema.table.column}) to its definition
 * @param eventStatus per event name ({@code schema.event}), its status: {@code ENABLED}, {@code
 *     DISABLED} or {@code SLAVESIDE_DISABLED}
 */
record SchemaSnapshot(
    Map<SchemaCategory, Map<String, String>> objects, Map<String, String> eventStatus) {}
