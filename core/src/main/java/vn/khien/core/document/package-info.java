/**
 * Official documents (văn bản hành chính) in the layout of Decree 30/2020/NĐ-CP: a framework-free model
 * ({@link vn.khien.core.document.OfficialDocument}, {@link vn.khien.core.document.Block}) and its DOCX and PDF
 * writers. The PDF embeds Liberation Serif 2.1.5 (SIL OFL 1.1, metric-compatible with Times New Roman), shipped
 * under {@code fonts/} with its licence.
 */
@NullMarked
package vn.khien.core.document;

import org.jspecify.annotations.NullMarked;
