package vn.khien.app.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import vn.khien.app.accounts.AccountException;

/** Turns the accounts module's refusals into RFC 9457 problems (API) or a friendly page. */
@ControllerAdvice(basePackageClasses = AccountErrors.class)
class AccountErrors {
    @ExceptionHandler(AccountException.class)
    Object handle(AccountException e, HttpServletRequest request) {
        HttpStatus status =
                switch (e.kind()) {
                    case NOT_FOUND -> HttpStatus.NOT_FOUND;
                    case CONFLICT -> HttpStatus.CONFLICT;
                    case INVALID -> HttpStatus.BAD_REQUEST;
                };
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, e.getMessage()));
        }
        ModelAndView mav = new ModelAndView("error/refused", status);
        mav.addObject("status", status.value());
        mav.addObject("detail", e.getMessage());
        return mav;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    Object invalid(IllegalArgumentException e, HttpServletRequest request) {
        return handle(new AccountException(AccountException.Kind.INVALID, e.getMessage()), request);
    }
}
