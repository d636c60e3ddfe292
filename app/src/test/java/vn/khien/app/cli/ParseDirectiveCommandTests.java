package vn.khien.app.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ParseDirectiveCommandTests {
    private static final String TUYEN_QUANG = """
            **ỦY BAN NHÂN DÂN
            TỈNH TUYÊN QUANG**

            Số: 1622/UBND-THCB
            V/v tăng cường công tác đảm bảo
            an ninh, an toàn thông tin

            Tuyên Quang, ngày 06 tháng 6 năm 2018

            Kính gửi:
            - Các sở, ban, ngành;
            - Ủy ban nhân dân các huyện, thành phố.

            1. Các Sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố
            - Không sử dụng hòm thư miễn phí như google, yahoo.
            ## 2. Sở Thông tin và Truyền thông
            Chủ trì, phối hợp rà soát, khắc phục lỗ hổng bảo mật.

            Ủy ban nhân dân tỉnh yêu cầu các cơ quan đơn vị nghiêm túc triển khai thực hiện./.

            *Nơi nhận:*
            - Như trên (thực hiện);
            - Lưu VT, TH-CB.

            KT. CHỦ TỊCH
            PHÓ CHỦ TỊCH

            Nguyễn Hải Anh
            """;

    private final CliRun cli = new CliRun();

    @Test
    void printsTheDirectiveAsJson(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("1622.md"), TUYEN_QUANG, UTF_8);

        int code = cli.execute("parse-directive", file.toString());

        assertThat(code).isZero();
        assertThat(cli.err()).isEmpty();
        JsonNode json = JsonMapper.builder().build().readTree(cli.out());
        assertThat(json.get("number").asString()).isEqualTo("1622");
        assertThat(json.get("symbol").asString()).isEqualTo("UBND-THCB");
        assertThat(json.get("issuer").get("body").asString()).isEqualTo("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG");
        assertThat(json.get("place").asString()).isEqualTo("Tuyên Quang");
        assertThat(json.get("date").asString()).isEqualTo("2018-06-06");
        assertThat(json.get("subject").asString()).isEqualTo("tăng cường công tác đảm bảo an ninh, an toàn thông tin");
        assertThat(json.get("recipients")).hasSize(2);
        assertThat(json.get("items")).hasSize(2);
        assertThat(json.get("items").get(1).get("number").asString()).isEqualTo("2");
        assertThat(json.get("items").get(1).get("text").asString()).startsWith("Sở Thông tin và Truyền thông");
        assertThat(json.get("items").get(0).get("subItems")).hasSize(1);
        assertThat(json.get("cc")).hasSize(2);
        assertThat(json.get("signer").get("authority").get(0).asString()).isEqualTo("KT. CHỦ TỊCH");
        assertThat(json.get("signer").get("position").asString()).isEqualTo("PHÓ CHỦ TỊCH");
        assertThat(json.get("signer").get("name").asString()).isEqualTo("Nguyễn Hải Anh");
        assertThat(json.get("urgency").isNull()).isTrue();
        assertThat(json.get("secrecy").isNull()).isTrue();
        assertThat(json.get("missing")).isEmpty();
    }

    @Test
    void printsNullForWhatTheTextDoesNotShow(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("no-header.txt"), "Kính gửi: Các xã.\n1. Rà soát tài khoản./.\n");

        assertThat(cli.execute("parse-directive", file.toString())).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(cli.out());
        for (String field : new String[] {"number", "symbol", "issuer", "place", "date", "subject", "signer"}) {
            assertThat(json.has(field)).as(field).isTrue();
            assertThat(json.get(field).isNull()).as(field).isTrue();
        }
        assertThat(json.get("missing").toString()).contains("\"number\"", "\"signer\"", "\"cc\"");
    }

    @Test
    void exitsTwoNamingAnUnsupportedFile(@TempDir Path dir) throws IOException {
        Path pdf = Files.write(dir.resolve("cong-van.pdf"), "%PDF-1.7\n".getBytes(UTF_8));

        assertThat(cli.execute("parse-directive", pdf.toString())).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains(pdf.toString()).contains("PDF");
    }

    @Test
    void exitsTwoNamingAMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("khong-co.docx");

        assertThat(cli.execute("parse-directive", missing.toString())).isEqualTo(2);
        assertThat(cli.err()).contains(missing.toString());
    }
}
