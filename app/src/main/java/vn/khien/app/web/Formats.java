package vn.khien.app.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.khien.app.platform.KhienProperties;

/** Date formats for templates ({@code ${@fmt.date(d)}}): dd/MM/yyyy in the province's time zone. */
@Component("fmt")
public class Formats {
    private final DateTimeFormatter date = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final DateTimeFormatter dateTime;

    public Formats(KhienProperties properties) {
        this.dateTime = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(properties.zone());
    }

    public String date(@Nullable LocalDate d) {
        return d == null ? "" : date.format(d);
    }

    public String dateTime(@Nullable Instant i) {
        return i == null ? "" : dateTime.format(i);
    }
}
