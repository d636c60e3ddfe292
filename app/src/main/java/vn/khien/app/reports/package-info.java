/**
 * Official reports (báo cáo): the province's periodic compliance report and each unit's own report as DOCX and PDF
 * in the Decree 30/2020/NĐ-CP layout with an XLSX annex of the underlying data, generated on demand or on the
 * monthly and quarterly schedule. Other modules add sections through {@link vn.khien.app.reports.ReportSectionContributor}
 * and render their own official documents with {@link vn.khien.app.reports.OfficialDocuments}.
 */
@NullMarked
@ApplicationModule(displayName = "Reports")
package vn.khien.app.reports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
