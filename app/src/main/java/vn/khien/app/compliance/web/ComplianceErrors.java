package vn.khien.app.compliance.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.khien.app.compliance.ComplianceException;
import vn.khien.app.platform.Refusals;

/** Turns the compliance module's refusals into RFC 9457 problems (API) or a friendly page. */
@ControllerAdvice(basePackageClasses = ComplianceErrors.class)
class ComplianceErrors {
    @ExceptionHandler(ComplianceException.class)
    Object handle(ComplianceException e, HttpServletRequest request) {
        return answer(e.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, e.getMessage(), request);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    Object invalid(IllegalArgumentException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), request);
    }

    private static Object answer(HttpStatus status, String detail, HttpServletRequest request) {
        return Refusals.answer(request, status, detail);
    }
}
