/**
 * Web (giao diện): the layout and navigation shared by every page, the home page, language and date
 * formatting, and the last-resort error handling that never shows a stack trace.
 */
@NullMarked
@ApplicationModule(displayName = "Web")
package vn.khien.app.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
