package vn.khien.app.compliance.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import vn.khien.app.compliance.ComplianceException;

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
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
        }
        ModelAndView mav = new ModelAndView("error/refused", status);
        mav.addObject("status", status.value());
        mav.addObject("detail", detail);
        return mav;
    }
}
