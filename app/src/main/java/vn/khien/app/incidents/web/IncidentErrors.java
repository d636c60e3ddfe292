package vn.khien.app.incidents.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.khien.app.incidents.IncidentException;
import vn.khien.app.platform.Refusals;

/** Turns the incidents module's refusals into RFC 9457 problems (API) or a friendly page. */
@ControllerAdvice(basePackageClasses = IncidentErrors.class)
class IncidentErrors {
    @ExceptionHandler(IncidentException.class)
    Object handle(IncidentException e, HttpServletRequest request) {
        HttpStatus status =
                switch (e.kind()) {
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                    case CONFLICT -> HttpStatus.CONFLICT;
                    case INVALID -> HttpStatus.BAD_REQUEST;
                    case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
                };
        return Refusals.answer(request, status, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    Object invalid(IllegalArgumentException e, HttpServletRequest request) {
        return handle(new IncidentException(IncidentException.Kind.INVALID, e.getMessage()), request);
    }
}
