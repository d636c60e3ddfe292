package vn.khien.app.directives.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.khien.app.directives.DirectiveException;
import vn.khien.app.platform.Refusals;

/** Turns the directives module's refusals into RFC 9457 problems (API) or a friendly page. */
@ControllerAdvice(basePackageClasses = DirectiveErrors.class)
class DirectiveErrors {
    @ExceptionHandler(DirectiveException.class)
    Object handle(DirectiveException e, HttpServletRequest request) {
        HttpStatus status =
                switch (e.kind()) {
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                    case CONFLICT -> HttpStatus.CONFLICT;
                    case INVALID -> HttpStatus.BAD_REQUEST;
                    case FORBIDDEN -> HttpStatus.FORBIDDEN;
                    case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
                };
        return Refusals.answer(request, status, e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, java.time.format.DateTimeParseException.class})
    Object invalid(RuntimeException e, HttpServletRequest request) {
        return handle(new DirectiveException(DirectiveException.Kind.INVALID, e.getMessage()), request);
    }
}
