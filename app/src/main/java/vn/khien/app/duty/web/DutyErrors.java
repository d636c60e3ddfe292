package vn.khien.app.duty.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.khien.app.duty.DutyException;
import vn.khien.app.platform.Refusals;

/** Turns the duty module's refusals into RFC 9457 problems (API) or a friendly page. */
@ControllerAdvice(basePackageClasses = DutyErrors.class)
class DutyErrors {
    @ExceptionHandler(DutyException.class)
    Object handle(DutyException e, HttpServletRequest request) {
        HttpStatus status =
                switch (e.kind()) {
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                    case CONFLICT -> HttpStatus.CONFLICT;
                    case INVALID -> HttpStatus.BAD_REQUEST;
                };
        return Refusals.answer(request, status, e.getMessage());
    }
}
