package vn.khien.core.accounts.hashes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vectors made with {@code openssl passwd -1/-5/-6 -salt ...} on this machine (OpenSSL 3). */
class CryptTests {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Demo@123|$1$saltsalt$amcjiJrLhMBh3jLW/BBaP.",
                "admin|$1$ab12cd34$3Zkax9jI.sr4M/zV5UR6o1",
                "Demo@123|$5$saltsalt$ODbrkk9W76fWfNLrbL/cgck1Pdxe4lMxCaEpFSMlAe9",
                "Vnpt@123|$5$saltsalt$feuQnSOk93iCsadPeuZQ1HxKH9O5VNcqcwjQQ3z8rO0",
                "Demo@123|$6$saltsalt$Z/pa9.0tZXLgWzjIzXY0ToJM3Cd5pnNLrF8GvqaRwz1HW0YMqtyu6NH7Btyb6tSdEjWkVdv6v9.dRwP2BaWnb.",
                "password|$6$rounds=10000$abcdefgh$kF57o18Xuu8qWSW2h0YBILpIeW/KEpcSse9BHaTTStgl9j7nCGzty1xRBjmP7wDA01Idc.ivBCoIRvlUbkXmQ/",
                "nguyen123|$6$rounds=1000$s6s6s6s6$yZUgVNr72075bcF3xik0dNR8ufWEXGAg5FNuH20w.ei1.NN7kUW.UT7wWzFdheIJsvT1cg4xZ06kCqtfx0Y5Y/"
            })
    void reproducesOpensslCrypt(String password, String expected) {
        assertThat(Crypt.crypt(password, expected)).isEqualTo(expected);
        assertThat(Crypt.crypt(password + "x", expected)).isNotEqualTo(expected);
    }
}
