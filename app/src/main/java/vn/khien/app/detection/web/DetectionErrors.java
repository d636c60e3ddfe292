package vn.khien.app.detection.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.khien.app.detection.DetectionException;
import vn.khien.app.platform.Refusals;

/** Turns the detection module's refusals into RFC 9457 problems (API) or a friendly page. */
@ControllerAdvice(basePackageClasses = DetectionErrors.class)
class DetectionErrors {
    @ExceptionHandler(DetectionException.class)
    Object handle(DetectionException e, HttpServletRequest request) {
        HttpStatus status =
                switch (e.kind()) {
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                    case INVALID -> HttpStatus.BAD_REQUEST;
                    case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
                };
        return Refusals.answer(request, status, e.getMessage());
    }
}
