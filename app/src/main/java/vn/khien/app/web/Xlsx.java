package vn.khien.app.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/** Writes lists as XLSX sheets (streaming, so large lists stay out of memory). */
public final class Xlsx {
    private Xlsx() {}

    /** One sheet: a bold header row, then the rows (numbers as numbers, other values as text). */
    public record Sheet(String name, List<String> header, List<List<@Nullable Object>> rows) {}

    public static void write(
            HttpServletResponse response,
            String fileName,
            String sheetName,
            List<String> header,
            List<List<@Nullable Object>> rows)
            throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        try (OutputStream out = response.getOutputStream()) {
            write(out, List.of(new Sheet(sheetName, header, rows)));
        }
    }

    /** Writes a workbook of several sheets to {@code out} (left open). */
    public static void write(OutputStream out, List<Sheet> sheets) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (Sheet s : sheets) {
                org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet(s.name());
                Row h = sheet.createRow(0);
                for (int i = 0; i < s.header().size(); i++) {
                    Cell c = h.createCell(i);
                    c.setCellValue(s.header().get(i));
                    c.setCellStyle(bold);
                }
                int r = 1;
                for (List<@Nullable Object> values : s.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < values.size(); i++) {
                        Object v = values.get(i);
                        if (v instanceof Number n) {
                            row.createCell(i).setCellValue(n.doubleValue());
                        } else if (v != null) {
                            row.createCell(i).setCellValue(safe(v.toString()));
                        }
                    }
                }
            }
            wb.write(out);
        }
    }

    /** Text that a spreadsheet would read as a formula gets a leading apostrophe (formula injection). */
    static String safe(String s) {
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
