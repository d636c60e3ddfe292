package vn.khien.app.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

/**
 * How a module's own refusals reach people: an RFC 9457 problem for API calls, the friendly "refused" page
 * otherwise. Modules map their exception kinds to a status in their own {@code @ControllerAdvice} and call this.
 */
public final class Refusals {
    private Refusals() {}

    /** The answer to {@code request}: problem JSON under {@code /api/}, else the refused page; {@code detail} is shown. */
    public static Object answer(HttpServletRequest request, HttpStatus status, String detail) {
        return answer(request, status, detail, Map.of());
    }

    /** As {@link #answer(HttpServletRequest, HttpStatus, String)}, with extra members for the problem JSON. */
    public static Object answer(
            HttpServletRequest request, HttpStatus status, String detail, Map<String, Object> problemProperties) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problemProperties.forEach(problem::setProperty);
            return ResponseEntity.status(status).body(problem);
        }
        ModelAndView mav = new ModelAndView("error/refused", status);
        mav.addObject("status", status.value());
        mav.addObject("detail", detail);
        return mav;
    }
}
