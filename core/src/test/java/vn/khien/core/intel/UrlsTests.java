package vn.khien.core.intel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTests {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "HTTP://Evil.COM:80/a%7eb/%2f?q=%3d#frag | http://evil.com/a~b/%2F?q=%3D",
                "https://evil.com:443 | https://evil.com/",
                "https://evil.com:8443/x | https://evil.com:8443/x",
                "evil.com/path | http://evil.com/path",
                "http://EVIL.com./?a | http://evil.com/?a",
                "http://user:p%41ss@evil.com/ | http://user:pAss@evil.com/",
                "http://bücher.example/ | http://xn--bcher-kva.example/",
                "http://[2001:DB8::1]:80/ | http://[2001:db8::1]/",
                "http://10.0.0.1:8080/x | http://10.0.0.1:8080/x"
            })
    void normalises(String input, String expected) {
        assertThat(Urls.normalize(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"http://", "http://bad host/", "http://evil.com:abc/"})
    void rejectsUrlsWithoutAUsableHost(String input) {
        assertThat(Urls.normalize(input)).isNull();
    }
}
