/** Framework-free engines of Khiên: parsers, matchers and evaluators, plain Java records in and out. */
@NullMarked
package vn.khien.core;

import org.jspecify.annotations.NullMarked;
