package vn.khien.app.org.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.khien.app.org.OrgException;
import vn.khien.app.platform.Refusals;

/** Turns the organisation module's refusals into RFC 9457 problems (API) or a friendly page. */
@ControllerAdvice(basePackageClasses = OrgErrors.class)
class OrgErrors {
    @ExceptionHandler(OrgException.class)
    Object handle(OrgException e, HttpServletRequest request) {
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
        return handle(new OrgException(OrgException.Kind.INVALID, e.getMessage()), request);
    }
}
