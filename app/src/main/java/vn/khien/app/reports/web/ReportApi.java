package vn.khien.app.reports.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.khien.app.platform.UnitScope;
import vn.khien.app.reports.Report;
import vn.khien.app.reports.ReportFormat;
import vn.khien.app.reports.ReportPeriod;
import vn.khien.app.reports.ReportService;

/** REST API of the reports: list, generate now, download the DOCX, PDF or XLSX, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Periodic compliance reports (báo cáo) as DOCX, PDF and XLSX")
class ReportApi {
    private final ReportService reports;

    ReportApi(ReportService reports) {
        this.reports = reports;
    }

    /**
     * A report to generate: the unit (default: the caller's top unit, the province for province-wide callers) and
     * either a month ("2026-01"), or from/to days; default the previous month.
     */
    record GenerateRequest(
            @Nullable Long unitId,
            @Nullable String month,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {}

    @GetMapping
    @Operation(summary = "Reports visible to the caller, newest first")
    List<Report> list(UnitScope scope) {
        return reports.list(scope);
    }

    @GetMapping("/{id}")
    Report get(UnitScope scope, @PathVariable long id) {
        return reports.get(scope, id);
    }

    @PostMapping
    @Operation(summary = "Generate a report now (DOCX, PDF and XLSX annex)")
    ResponseEntity<Report> generate(UnitScope scope, @RequestBody(required = false) @Nullable GenerateRequest body) {
        GenerateRequest r = body == null ? new GenerateRequest(null, null, null, null) : body;
        ReportPeriod period = ReportPages.period(r.month(), r.from(), r.to(), reports.today());
        return ResponseEntity.status(HttpStatus.CREATED).body(reports.generate(scope, r.unitId(), period));
    }

    @GetMapping("/{id}/{format:docx|pdf|xlsx}")
    @Operation(summary = "Download one file of a ready report")
    ResponseEntity<Resource> download(UnitScope scope, @PathVariable long id, @PathVariable String format)
            throws IOException {
        return file(reports, scope, id, ReportFormat.of(format));
    }

    static ResponseEntity<Resource> file(ReportService reports, UnitScope scope, long id, ReportFormat format)
            throws IOException {
        Report r = reports.get(scope, id);
        Path p = reports.file(scope, id, format);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(ReportService.fileName(r, format), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentLength(Files.size(p))
                .body(new InputStreamResource(Files.newInputStream(p)));
    }
}
