package vn.khien.app.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khien.app.security.internal.SignInFlow;

/** The sign-in pages: user name and password, then the authenticator code. */
@Controller
class SignInController {
    private final SignInFlow flow;

    SignInController(SignInFlow flow) {
        this.flow = flow;
    }

    @GetMapping("/login")
    String login() {
        return "security/login";
    }

    @GetMapping("/login/mfa")
    String mfa() {
        return "security/mfa";
    }

    @PostMapping("/login/mfa")
    String verify(@RequestParam String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (flow.verifySecondFactor(code, request, response)) {
            return "redirect:/";
        }
        model.addAttribute("error", true);
        return "security/mfa";
    }
}
