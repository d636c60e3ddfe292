/**
 * Directive (công văn) parser: turns the plain text, Markdown or DOCX of a Vietnamese administrative letter
 * into a {@link vn.khien.core.directive.ParsedDirective}. Framework-free; {@link
 * vn.khien.core.directive.DirectiveParser} is the entry point and everything else in the package is a
 * value it returns.
 */
@NullMarked
package vn.khien.core.directive;

import org.jspecify.annotations.NullMarked;
