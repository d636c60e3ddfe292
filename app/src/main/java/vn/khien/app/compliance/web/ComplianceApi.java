package vn.khien.app.compliance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.khien.app.compliance.ComplianceService;
import vn.khien.app.compliance.EvaluationSummary;
import vn.khien.app.compliance.ExceptionRequest;
import vn.khien.app.compliance.Finding;
import vn.khien.app.compliance.FindingEvent;
import vn.khien.app.compliance.FindingFilter;
import vn.khien.app.compliance.TrendPoint;
import vn.khien.app.compliance.UnitScoreView;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.compliance.Rule;

/** REST API of compliance: findings, exceptions and unit scores within the caller's scope. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Compliance", description = "Findings, exceptions and unit scores of the directive rules")
class ComplianceApi {
    private final ComplianceService compliance;

    ComplianceApi(ComplianceService compliance) {
        this.compliance = compliance;
    }

    @GetMapping("/findings")
    List<Finding> findings(
            UnitScope scope,
            @RequestParam(required = false) @Nullable String rule,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Long endpoint,
            @RequestParam(defaultValue = "500") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return compliance.findings(scope, new FindingFilter(rule, unit, status, endpoint), limit, offset);
    }

    /** A finding with its history and exceptions. */
    record FindingDetail(Finding finding, List<FindingEvent> history, List<ExceptionRequest> exceptions) {}

    @GetMapping("/findings/{id}")
    FindingDetail finding(UnitScope scope, @PathVariable long id) {
        return new FindingDetail(
                compliance.finding(scope, id), compliance.history(scope, id), compliance.exceptions(scope, id, null));
    }

    /** Body of an exception request. */
    record ExceptionBody(String justification, LocalDate expiresOn) {}

    @PostMapping("/findings/{id}/exceptions")
    @Operation(
            summary = "Request an exception to a finding (justification, expiry); a unit head or coordinator decides")
    ResponseEntity<ExceptionRequest> requestException(
            UnitScope scope, @PathVariable long id, @RequestBody ExceptionBody body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(compliance.requestException(scope, id, body.justification(), body.expiresOn()));
    }

    @GetMapping("/exceptions")
    List<ExceptionRequest> exceptions(UnitScope scope, @RequestParam(required = false) @Nullable String status) {
        return compliance.exceptions(scope, null, status);
    }

    /** Body of a decision. */
    record Decision(boolean approve, @Nullable String note) {}

    @PostMapping("/exceptions/{id}/decision")
    ExceptionRequest decide(UnitScope scope, @PathVariable long id, @RequestBody Decision body) {
        return compliance.decideException(scope, id, body.approve(), body.note());
    }

    @GetMapping("/compliance/scores")
    @Operation(summary = "Latest score of every unit in scope: overall and per rule (share of compliant subjects)")
    List<UnitScoreView> scores(UnitScope scope) {
        return compliance.scores(scope);
    }

    @GetMapping("/compliance/trend")
    List<TrendPoint> trend(
            UnitScope scope,
            @RequestParam long unit,
            @RequestParam(defaultValue = "OVERALL") String rule,
            @RequestParam(defaultValue = "30") int days) {
        return compliance.trend(scope, unit, rule, days);
    }

    @GetMapping("/compliance/rules")
    List<Rule> rules() {
        return compliance.rules();
    }

    @PostMapping("/compliance/evaluate")
    EvaluationSummary evaluate() {
        return compliance.evaluateNow();
    }
}
