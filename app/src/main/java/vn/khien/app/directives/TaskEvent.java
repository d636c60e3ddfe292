package vn.khien.app.directives;

import java.time.Instant;

/** One line of a task's timeline: assigned, status, evidence, overdue, escalated. */
public record TaskEvent(long id, long taskId, Instant at, String actor, String kind, String text) {}
