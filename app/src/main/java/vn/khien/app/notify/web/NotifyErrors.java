package vn.khien.app.notify.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.khien.app.notify.NotifyException;
import vn.khien.app.platform.Refusals;

/** Turns the notifications module's refusals into RFC 9457 problems (API) or a friendly page. */
@ControllerAdvice(basePackageClasses = NotifyErrors.class)
class NotifyErrors {
    @ExceptionHandler(NotifyException.class)
    Object handle(NotifyException e, HttpServletRequest request) {
        HttpStatus status = e.kind() == NotifyException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return Refusals.answer(request, status, e.getMessage());
    }
}
