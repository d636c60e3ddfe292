package vn.khien.app.security.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khien.app.security.KhienPrincipal;
import vn.khien.app.security.PasswordPolicyException;
import vn.khien.app.security.UserService;
import vn.khien.app.security.internal.SignInFlow;
import vn.khien.app.security.internal.Totp;

/** The signed-in user's own account: password change and authenticator enrolment (QR code drawn here). */
@Controller
class AccountController {
    private static final String PENDING_SECRET = "khien.mfa.pending-secret";
    private final UserService users;
    private final SignInFlow flow;

    AccountController(UserService users, SignInFlow flow) {
        this.users = users;
        this.flow = flow;
    }

    @GetMapping("/account/password")
    String passwordForm() {
        return "security/password";
    }

    @PostMapping("/account/password")
    String changePassword(
            @AuthenticationPrincipal KhienPrincipal me,
            @RequestParam String current,
            @RequestParam String password,
            @RequestParam String confirm,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!password.equals(confirm)) {
            model.addAttribute("error", "password.mismatch");
            return "security/password";
        }
        try {
            users.changeOwnPassword(me, current, password);
        } catch (PasswordPolicyException e) {
            model.addAttribute("error", e.getMessage());
            return "security/password";
        }
        flow.refresh(me.name(), request, response);
        return "redirect:" + nextAfterStage(request);
    }

    @GetMapping("/account/mfa")
    String mfaForm(@AuthenticationPrincipal KhienPrincipal me, HttpSession session, Model model) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = Totp.newSecret();
            session.setAttribute(PENDING_SECRET, secret);
        }
        model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
        model.addAttribute("enrolled", users.get(me.userId()).mfaEnrolled());
        return "security/mfa-setup";
    }

    @GetMapping(value = "/account/mfa/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@AuthenticationPrincipal KhienPrincipal me, HttpSession session)
            throws WriterException, IOException {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            return ResponseEntity.notFound().build();
        }
        BitMatrix m =
                new QRCodeWriter().encode(Totp.otpauthUri("Khiên", me.name(), secret), BarcodeFormat.QR_CODE, 240, 240);
        BufferedImage img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                img.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(out.toByteArray());
    }

    @PostMapping("/account/mfa")
    String enrol(
            @AuthenticationPrincipal KhienPrincipal me,
            @RequestParam String code,
            HttpSession session,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null || !users.enrolMfa(me, secret, code)) {
            model.addAttribute("error", true);
            return mfaForm(me, session, model);
        }
        session.removeAttribute(PENDING_SECRET);
        flow.refresh(me.name(), request, response);
        return "redirect:" + nextAfterStage(request);
    }

    private static String nextAfterStage(HttpServletRequest request) {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication();
        return auth == null ? "/" : SignInFlow.nextPage(auth);
    }
}
