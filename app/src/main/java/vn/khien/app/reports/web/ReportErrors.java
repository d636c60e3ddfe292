package vn.khien.app.reports.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.khien.app.platform.Refusals;
import vn.khien.app.reports.ReportException;

/** Turns the reports module's refusals into RFC 9457 problems (API) or a friendly page. */
@ControllerAdvice(basePackageClasses = ReportErrors.class)
class ReportErrors {
    @ExceptionHandler(ReportException.class)
    Object handle(ReportException e, HttpServletRequest request) {
        HttpStatus status =
                switch (e.kind()) {
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                    case CONFLICT -> HttpStatus.CONFLICT;
                    case INVALID -> HttpStatus.BAD_REQUEST;
                };
        return Refusals.answer(request, status, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    Object invalid(IllegalArgumentException e, HttpServletRequest request) {
        return handle(new ReportException(ReportException.Kind.INVALID, e.getMessage()), request);
    }
}
