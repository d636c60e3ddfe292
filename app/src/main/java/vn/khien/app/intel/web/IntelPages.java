package vn.khien.app.intel.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.khien.app.intel.IndicatorImportResult;
import vn.khien.app.intel.IntelException;
import vn.khien.app.intel.IntelService;
import vn.khien.app.intel.internal.FeedHttp;
import vn.khien.app.platform.Jobs;
import vn.khien.app.platform.UnitScope;
import vn.khien.core.intel.IndicatorType;

/** Pages of threat intelligence: indicators, feeds with their last import report, uploads run as jobs. */
@Controller
class IntelPages {
    private final IntelService intel;
    private final Jobs jobs;

    IntelPages(IntelService intel, Jobs jobs) {
        this.intel = intel;
        this.jobs = jobs;
    }

    @GetMapping("/intel/indicators")
    String indicators(
            UnitScope scope,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable Long feed,
            @RequestParam(defaultValue = "false") boolean revoked,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        int size = 100;
        model.addAttribute("indicators", intel.search(q, type, feed, revoked, size + 1, page * size));
        model.addAttribute("size", size);
        model.addAttribute("page", page);
        model.addAttribute("q", q);
        model.addAttribute("type", type);
        model.addAttribute("feed", feed);
        model.addAttribute("revoked", revoked);
        model.addAttribute("types", IndicatorType.values());
        model.addAttribute("feeds", intel.feeds());
        model.addAttribute("total", intel.count());
        return "intel/indicators";
    }

    @PostMapping("/intel/indicators/{id}/revoke")
    String revoke(UnitScope scope, @PathVariable long id, @RequestParam(defaultValue = "true") boolean revoked) {
        intel.revoke(id, revoked);
        return "redirect:/intel/indicators?revoked=true&q="
                + java.net.URLEncoder.encode(intel.indicator(id).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @GetMapping("/intel/feeds")
    String feeds(UnitScope scope, Model model) {
        model.addAttribute("feeds", intel.feeds());
        model.addAttribute("webmail", intel.webmailDomains());
        model.addAttribute("warninglists", intel.warninglists().lists());
        return "intel/feeds";
    }

    @PostMapping("/intel/feeds")
    String addFeed(
            UnitScope scope,
            @RequestParam String name,
            @RequestParam String kind,
            @RequestParam String url,
            @RequestParam(required = false) @Nullable String collection,
            @RequestParam(defaultValue = "360") int intervalMinutes) {
        intel.addFeed(name, kind, url, collection, intervalMinutes);
        return "redirect:/intel/feeds";
    }

    @PostMapping("/intel/feeds/{id}/pull")
    String pull(UnitScope scope, @PathVariable long id, Model model) {
        String name = intel.feed(id).name();
        Jobs.View job = jobs.start("Kéo nguồn tin " + name, null, p -> {
            String status = intel.pull(id);
            p.message(status);
            return status;
        });
        model.addAttribute("job", job);
        return feeds(scope, model);
    }

    @PostMapping("/intel/webmail")
    String addWebmail(UnitScope scope, @RequestParam String domain) {
        intel.addWebmailDomain(domain);
        return "redirect:/intel/feeds#webmail";
    }

    @PostMapping("/intel/webmail/remove")
    String removeWebmail(UnitScope scope, @RequestParam String domain) {
        intel.removeWebmailDomain(domain);
        return "redirect:/intel/feeds#webmail";
    }

    @GetMapping("/intel/import")
    String importForm(UnitScope scope, Model model) {
        model.addAttribute("feeds", intel.feeds());
        return "intel/import";
    }

    @PostMapping("/intel/import")
    String importFile(UnitScope scope, @RequestParam String feed, @RequestParam MultipartFile file, Model model)
            throws IOException {
        if (file.isEmpty()) {
            throw new IntelException(IntelException.Kind.INVALID, "choose a file to import");
        }
        Path tmp = Files.createTempFile("khien-indicators", ".bin");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.size(tmp) > FeedHttp.MAX_BYTES) {
            Files.deleteIfExists(tmp);
            throw new IntelException(IntelException.Kind.INVALID, "indicator file over the size limit");
        }
        String name = file.getOriginalFilename() == null ? "file" : file.getOriginalFilename();
        Jobs.View job = jobs.start("Nhập chỉ báo " + name + " → " + feed, null, p -> {
            p.total(1);
            try {
                IndicatorImportResult r = intel.importFile(feed, tmp);
                p.advance(1);
                p.message(summary(r));
                return r;
            } finally {
                Files.deleteIfExists(tmp);
            }
        });
        model.addAttribute("job", job);
        return importForm(scope, model);
    }

    static String summary(IndicatorImportResult r) {
        return r.format() + ": đọc " + r.read() + ", nhận " + r.accepted() + ", từ chối " + r.rejected() + ", trùng "
                + r.duplicates() + ", loại theo danh sách cảnh báo " + r.suppressed() + ", mới " + r.inserted()
                + ", cập nhật " + r.updated();
    }

    static List<String> kinds() {
        return List.of("URL", "TAXII");
    }
}
