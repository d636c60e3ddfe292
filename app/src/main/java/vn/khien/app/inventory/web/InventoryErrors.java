package vn.khien.app.inventory.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.khien.app.inventory.InventoryException;
import vn.khien.app.platform.Refusals;
import vn.khien.core.inventory.EndpointReportException;
import vn.khien.core.inventory.OsqueryTls;

/** Turns the inventory module's refusals into RFC 9457 problems (API) or a friendly page. */
@ControllerAdvice(basePackageClasses = InventoryErrors.class)
class InventoryErrors {
    @ExceptionHandler(InventoryException.class)
    Object handle(InventoryException e, HttpServletRequest request) {
        HttpStatus status =
                switch (e.kind()) {
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                    case INVALID -> HttpStatus.BAD_REQUEST;
                    case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
                };
        return answer(status, e.getMessage(), null, request);
    }

    @ExceptionHandler(EndpointReportException.class)
    Object report(EndpointReportException e, HttpServletRequest request) {
        List<String> problems = e.problems().stream().map(Object::toString).toList();
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), problems, request);
    }

    @ExceptionHandler(OsqueryTls.ProtocolException.class)
    Object protocol(OsqueryTls.ProtocolException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), null, request);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    Object invalid(IllegalArgumentException e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), null, request);
    }

    private static Object answer(
            HttpStatus status, String detail, @Nullable List<String> problems, HttpServletRequest request) {
        return Refusals.answer(request, status, detail, problems == null ? Map.of() : Map.of("problems", problems));
    }
}
