package vn.khien.app.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The global fallback: refusals become 403/404/413 pages or problems; anything unexpected is logged with a
 * correlation id, and people see only that id and a generic message.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class LastResortErrors {
    private static final Logger log = LoggerFactory.getLogger(LastResortErrors.class);

    @ExceptionHandler(AccessDeniedException.class)
    Object denied(HttpServletRequest request) {
        return answer(request, HttpStatus.FORBIDDEN, null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, null);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        return answer(request, HttpStatus.CONTENT_TOO_LARGE, null);
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        // Spring's own request errors (wrong method, missing parameter, unreadable body) keep their status
        if (e instanceof ErrorResponse known) {
            return answer(request, HttpStatus.valueOf(known.getStatusCode().value()), null);
        }
        if (e instanceof TypeMismatchException || e instanceof HttpMessageNotReadableException) {
            return answer(request, HttpStatus.BAD_REQUEST, null);
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error [{}] on {} {}", id, request.getMethod(), request.getRequestURI(), e);
        return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, id);
    }

    private static Object answer(HttpServletRequest request, HttpStatus status, @Nullable String id) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail p = ProblemDetail.forStatus(status);
            if (id != null) {
                p.setProperty("correlationId", id);
            }
            return ResponseEntity.status(status).body(p);
        }
        ModelAndView mav = new ModelAndView("error", status);
        mav.addObject("status", status.value());
        mav.addObject("correlationId", id);
        return mav;
    }
}
