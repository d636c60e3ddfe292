package vn.khien.app.incidents;

/** What kind of incident (loại sự cố) a report is about, as a staff member would name it. */
public enum IncidentCategory {
    PHISHING("Thư điện tử đáng ngờ / lừa đảo"),
    MALWARE("Mã độc"),
    DEFACEMENT("Thay đổi giao diện trang web"),
    DATA_LEAK("Lộ, lọt dữ liệu"),
    ACCOUNT_COMPROMISE("Chiếm đoạt tài khoản"),
    DDOS("Tấn công từ chối dịch vụ (DDoS)"),
    OTHER("Khác");

    private final String vietnamese;

    IncidentCategory(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }
}
