package vn.khien.app.incidents;

import java.time.Instant;

/** One line of an incident's timeline: every action and comment, who and when. */
public record TimelineEntry(long id, long incidentId, Instant at, String actor, String kind, String text) {}
