package vn.khien.app.accounts.internal;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.StaticUtils;
import com.unboundid.util.ssl.SSLUtil;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.khien.app.accounts.AccountRecord;
import vn.khien.app.accounts.DirectoryConnection;
import vn.khien.app.accounts.DirectoryKind;
import vn.khien.app.accounts.Remediation;

/**
 * Reads users and groups from Active Directory or OpenLDAP with the UnboundID SDK and locks, disables or
 * forces a reset of one entry. Password values read for an in-memory audit are returned as bytes to the
 * caller and never logged. Thread-safe (one connection per call).
 */
@Component
public class LdapDirectory {
    /** AD {@code userAccountControl} bit: account disabled. */
    public static final int ACCOUNTDISABLE = 0x2;
    /** ppolicy value of {@code pwdAccountLockedTime} that locks an account until an administrator unlocks it. */
    public static final String PERMANENT_LOCK = "000001010000Z";

    private static final long FILETIME_EPOCH_OFFSET_MS = 11_644_473_600_000L;
    private static final int PAGE = 500;

    /** One directory user: the account as read, and its {@code userPassword} values when asked for. */
    public record Entry(AccountRecord account, List<byte[]> passwords) {}

    public List<Entry> readUsers(DirectoryConnection c, String password, boolean withPasswords, LongConsumer seen)
            throws LDAPException {
        try (LDAPConnection conn = connect(c, password)) {
            Set<String> admins = groupMembers(conn, c, c.adminGroup() == null ? defaultAdminGroup(c) : c.adminGroup());
            Set<String> mfa = c.mfaGroup() == null ? Set.of() : groupMembers(conn, c, c.mfaGroup());
            List<String> attrs = new ArrayList<>(List.of(
                    "uid",
                    "sAMAccountName",
                    "mail",
                    "userAccountControl",
                    "lastLogonTimestamp",
                    "pwdLastSet",
                    "whenCreated",
                    "createTimestamp",
                    "pwdChangedTime",
                    "pwdAccountLockedTime",
                    "pwdLastSuccess",
                    "authTimestamp",
                    "memberOf",
                    "lockoutTime"));
            if (withPasswords) {
                attrs.add("userPassword");
            }
            Filter filter = c.kind() == DirectoryKind.AD
                    ? Filter.create("(&(objectClass=user)(objectCategory=person))")
                    : Filter.create("(|(objectClass=inetOrgPerson)(objectClass=posixAccount)(objectClass=account))");
            List<Entry> out = new ArrayList<>();
            ASN1OctetString cookie = null;
            do {
                SearchRequest req =
                        new SearchRequest(c.baseDn(), SearchScope.SUB, filter, attrs.toArray(String[]::new));
                req.setControls(new SimplePagedResultsControl(PAGE, cookie, false));
                SearchResult res = conn.search(req);
                for (SearchResultEntry e : res.getSearchEntries()) {
                    Entry entry = entry(c, e, admins, mfa, withPasswords);
                    if (entry != null) {
                        out.add(entry);
                    }
                }
                seen.accept(out.size());
                SimplePagedResultsControl paged = SimplePagedResultsControl.get(res);
                cookie = paged == null || !paged.moreResultsToReturn() ? null : paged.getCookie();
            } while (cookie != null);
            return out;
        }
    }

    private static String defaultAdminGroup(DirectoryConnection c) {
        return c.kind() == DirectoryKind.AD ? "Domain Admins" : "admins";
    }

    private static @Nullable Entry entry(
            DirectoryConnection c, SearchResultEntry e, Set<String> admins, Set<String> mfa, boolean withPasswords)
            throws LDAPException {
        String dn = e.getDN();
        String normDn = new DN(dn).toNormalizedString();
        String login =
                c.kind() == DirectoryKind.AD ? e.getAttributeValue("sAMAccountName") : e.getAttributeValue("uid");
        if (login == null) {
            login = new DN(dn).getRDN().getAttributeValues()[0];
        }
        String lowerLogin = login.toLowerCase(Locale.ROOT);
        boolean enabled;
        boolean locked;
        Instant lastLogin;
        Instant pwdSet;
        Instant created;
        if (c.kind() == DirectoryKind.AD) {
            Integer uac = e.getAttributeValueAsInteger("userAccountControl");
            enabled = uac == null || (uac & ACCOUNTDISABLE) == 0;
            Long lockout = e.getAttributeValueAsLong("lockoutTime");
            locked = lockout != null && lockout != 0;
            lastLogin = fileTime(e.getAttributeValueAsLong("lastLogonTimestamp"));
            pwdSet = fileTime(e.getAttributeValueAsLong("pwdLastSet"));
            created = generalized(e.getAttributeValue("whenCreated"));
        } else {
            String lockedTime = e.getAttributeValue("pwdAccountLockedTime");
            locked = lockedTime != null;
            enabled = !PERMANENT_LOCK.equals(lockedTime);
            lastLogin = generalized(first(e.getAttributeValue("pwdLastSuccess"), e.getAttributeValue("authTimestamp")));
            pwdSet = generalized(e.getAttributeValue("pwdChangedTime"));
            created = generalized(e.getAttributeValue("createTimestamp"));
        }
        boolean privileged = member(
                admins,
                normDn,
                lowerLogin,
                e.getAttributeValues("memberOf"),
                c.adminGroup() == null ? defaultAdminGroup(c) : c.adminGroup());
        boolean hasMfa =
                c.mfaGroup() != null && member(mfa, normDn, lowerLogin, e.getAttributeValues("memberOf"), c.mfaGroup());
        String mail = e.getAttributeValue("mail");
        List<byte[]> passwords = new ArrayList<>();
        if (withPasswords) {
            Attribute pw = e.getAttribute("userPassword");
            if (pw != null) {
                for (byte[] v : pw.getValueByteArrays()) {
                    passwords.add(v);
                }
            }
        }
        return new Entry(
                new AccountRecord(
                        login,
                        mail == null ? null : mail.strip().toLowerCase(Locale.ROOT),
                        dn,
                        enabled,
                        locked,
                        created,
                        lastLogin,
                        pwdSet,
                        privileged,
                        hasMfa),
                passwords);
    }

    private static boolean member(
            Set<String> members, String normDn, String login, String @Nullable [] memberOf, String group) {
        if (members.contains(normDn) || members.contains(login)) {
            return true;
        }
        if (memberOf != null) {
            for (String g : memberOf) {
                if (matchesGroup(g, group)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesGroup(String groupDn, String wanted) {
        try {
            if (wanted.contains("=")) {
                return new DN(groupDn).equals(new DN(wanted));
            }
            return new DN(groupDn).getRDN().getAttributeValues()[0].equalsIgnoreCase(wanted);
        } catch (LDAPException e) {
            return false;
        }
    }

    /** Normalised member DNs and member uids of the groups named {@code group} (a cn or a DN). */
    private static Set<String> groupMembers(LDAPConnection conn, DirectoryConnection c, String group)
            throws LDAPException {
        Filter classes = Filter.create(
                "(|(objectClass=group)(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=posixGroup))");
        SearchRequest req;
        if (group.contains("=")) {
            req = new SearchRequest(group, SearchScope.BASE, classes, "member", "uniqueMember", "memberUid");
        } else {
            req = new SearchRequest(
                    c.baseDn(),
                    SearchScope.SUB,
                    Filter.createANDFilter(classes, Filter.createEqualityFilter("cn", group)),
                    "member",
                    "uniqueMember",
                    "memberUid");
        }
        Set<String> out = new HashSet<>();
        SearchResult res;
        try {
            res = conn.search(req);
        } catch (LDAPException e) {
            return out;
        }
        for (SearchResultEntry g : res.getSearchEntries()) {
            for (String a : List.of("member", "uniqueMember")) {
                String[] vs = g.getAttributeValues(a);
                if (vs != null) {
                    for (String v : vs) {
                        try {
                            out.add(new DN(v).toNormalizedString());
                        } catch (LDAPException ignored) {
                            // a malformed member value names nobody
                        }
                    }
                }
            }
            String[] uids = g.getAttributeValues("memberUid");
            if (uids != null) {
                for (String u : uids) {
                    out.add(u.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    // remediation

    /** What {@link #apply} would change, read from the entry as it is now; nothing is written. */
    public String dryRun(DirectoryConnection c, String password, String dn, Remediation.Action action)
            throws LDAPException {
        try (LDAPConnection conn = connect(c, password)) {
            SearchResultEntry e =
                    conn.getEntry(dn, "userAccountControl", "pwdAccountLockedTime", "pwdReset", "pwdLastSet");
            if (e == null) {
                throw new LDAPException(com.unboundid.ldap.sdk.ResultCode.NO_SUCH_OBJECT, "entry " + dn + " not found");
            }
            return describe(c, e, action);
        }
    }

    private static String describe(DirectoryConnection c, SearchResultEntry e, Remediation.Action action) {
        if (c.kind() == DirectoryKind.AD) {
            return switch (action) {
                case DISABLE, LOCK -> {
                    Integer uac = e.getAttributeValueAsInteger("userAccountControl");
                    int now = uac == null ? 512 : uac;
                    yield "userAccountControl " + now + " -> " + (now | ACCOUNTDISABLE);
                }
                case FORCE_RESET -> "pwdLastSet " + e.getAttributeValue("pwdLastSet") + " -> 0";
            };
        }
        return switch (action) {
            case DISABLE, LOCK ->
                "pwdAccountLockedTime " + e.getAttributeValue("pwdAccountLockedTime") + " -> " + PERMANENT_LOCK;
            case FORCE_RESET -> "pwdReset " + e.getAttributeValue("pwdReset") + " -> TRUE";
        };
    }

    /** Applies the action to the entry. */
    public void apply(DirectoryConnection c, String password, String dn, Remediation.Action action)
            throws LDAPException {
        try (LDAPConnection conn = connect(c, password)) {
            if (c.kind() == DirectoryKind.AD) {
                switch (action) {
                    case DISABLE, LOCK -> {
                        SearchResultEntry e = conn.getEntry(dn, "userAccountControl");
                        Integer uac = e == null ? null : e.getAttributeValueAsInteger("userAccountControl");
                        int now = uac == null ? 512 : uac;
                        conn.modify(
                                dn,
                                new Modification(
                                        ModificationType.REPLACE,
                                        "userAccountControl",
                                        Integer.toString(now | ACCOUNTDISABLE)));
                    }
                    case FORCE_RESET -> conn.modify(dn, new Modification(ModificationType.REPLACE, "pwdLastSet", "0"));
                }
            } else {
                switch (action) {
                    case DISABLE, LOCK ->
                        conn.modify(
                                dn, new Modification(ModificationType.REPLACE, "pwdAccountLockedTime", PERMANENT_LOCK));
                    case FORCE_RESET -> conn.modify(dn, new Modification(ModificationType.REPLACE, "pwdReset", "TRUE"));
                }
            }
        }
    }

    /** Re-reads the entry and tells whether the action is in effect. */
    public boolean verify(DirectoryConnection c, String password, String dn, Remediation.Action action)
            throws LDAPException {
        try (LDAPConnection conn = connect(c, password)) {
            SearchResultEntry e =
                    conn.getEntry(dn, "userAccountControl", "pwdAccountLockedTime", "pwdReset", "pwdLastSet");
            if (e == null) {
                return false;
            }
            if (c.kind() == DirectoryKind.AD) {
                return switch (action) {
                    case DISABLE, LOCK -> {
                        Integer uac = e.getAttributeValueAsInteger("userAccountControl");
                        yield uac != null && (uac & ACCOUNTDISABLE) != 0;
                    }
                    case FORCE_RESET -> "0".equals(e.getAttributeValue("pwdLastSet"));
                };
            }
            return switch (action) {
                case DISABLE, LOCK -> e.getAttributeValue("pwdAccountLockedTime") != null;
                case FORCE_RESET -> "TRUE".equalsIgnoreCase(e.getAttributeValue("pwdReset"));
            };
        }
    }

    // lifecycle

    /** AD {@code userAccountControl} bit: no password required (until the AD administrator sets one). */
    public static final int PASSWD_NOTREQD = 0x20;

    /** A user to create: where, and what the entry holds. The password is null for AD (set there by its admin). */
    public record NewUser(
            String dn,
            String login,
            String fullName,
            @Nullable String mail,
            @Nullable String password) {}

    /** The DN a new user gets: next to the system's existing users, else directly under the base DN. */
    public static String dnFor(DirectoryConnection c, String login, String fullName, @Nullable String siblingDn)
            throws LDAPException {
        String parent = siblingDn == null ? c.baseDn() : new DN(siblingDn).getParentString();
        return c.kind() == DirectoryKind.AD
                ? new com.unboundid.ldap.sdk.RDN("CN", fullName) + "," + parent
                : new com.unboundid.ldap.sdk.RDN("uid", login) + "," + parent;
    }

    /** What {@link #create} would write (never the password); fails when the entry exists already. */
    public String previewCreate(DirectoryConnection c, String password, NewUser u) throws LDAPException {
        try (LDAPConnection conn = connect(c, password)) {
            if (conn.getEntry(u.dn(), "1.1") != null) {
                throw new LDAPException(com.unboundid.ldap.sdk.ResultCode.ENTRY_ALREADY_EXISTS, u.dn() + " exists");
            }
        }
        return c.kind() == DirectoryKind.AD
                ? "add " + u.dn() + " (user, sAMAccountName " + u.login() + ", userAccountControl "
                        + (ACCOUNTDISABLE | PASSWD_NOTREQD) + " = disabled until the AD administrator sets a password)"
                : "add " + u.dn() + " (inetOrgPerson, uid " + u.login() + ", initial password, pwdReset TRUE)";
    }

    /** Creates the entry: OpenLDAP with a {SSHA} of the initial password and pwdReset; AD disabled. */
    public void create(DirectoryConnection c, String password, NewUser u) throws LDAPException {
        String sn =
                u.fullName().contains(" ") ? u.fullName().substring(u.fullName().lastIndexOf(' ') + 1) : u.fullName();
        List<Attribute> attrs = new ArrayList<>();
        if (c.kind() == DirectoryKind.AD) {
            attrs.add(new Attribute("objectClass", "top", "person", "organizationalPerson", "user"));
            attrs.add(new Attribute("sAMAccountName", u.login()));
            attrs.add(new Attribute("userAccountControl", Integer.toString(ACCOUNTDISABLE | PASSWD_NOTREQD)));
        } else {
            attrs.add(new Attribute("objectClass", "inetOrgPerson"));
            attrs.add(new Attribute("uid", u.login()));
            if (u.password() != null) {
                attrs.add(new Attribute("userPassword", ssha(u.password())));
            }
        }
        attrs.add(new Attribute("cn", u.fullName()));
        attrs.add(new Attribute("sn", sn));
        if (u.mail() != null) {
            attrs.add(new Attribute("mail", u.mail()));
        }
        try (LDAPConnection conn = connect(c, password)) {
            conn.add(u.dn(), attrs);
            if (c.kind() == DirectoryKind.OPENLDAP && u.password() != null) {
                conn.modify(u.dn(), new Modification(ModificationType.REPLACE, "pwdReset", "TRUE"));
            }
        }
    }

    /** Re-reads a created entry: it exists and (OpenLDAP) must change its password, (AD) is disabled. */
    public boolean verifyCreated(DirectoryConnection c, String password, NewUser u) throws LDAPException {
        try (LDAPConnection conn = connect(c, password)) {
            SearchResultEntry e = conn.getEntry(u.dn(), "userAccountControl", "pwdReset");
            if (e == null) {
                return false;
            }
            if (c.kind() == DirectoryKind.AD) {
                Integer uac = e.getAttributeValueAsInteger("userAccountControl");
                return uac != null && (uac & ACCOUNTDISABLE) != 0;
            }
            return u.password() == null || "TRUE".equalsIgnoreCase(e.getAttributeValue("pwdReset"));
        }
    }

    private static String ssha(String password) {
        byte[] salt = new byte[8];
        new java.security.SecureRandom().nextBytes(salt);
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-1");
            md.update(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update(salt);
            byte[] d = md.digest();
            byte[] all = java.util.Arrays.copyOf(d, d.length + salt.length);
            System.arraycopy(salt, 0, all, d.length, salt.length);
            return "{SSHA}" + java.util.Base64.getEncoder().encodeToString(all);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from the JDK", e);
        }
    }

    private static LDAPConnection connect(DirectoryConnection c, String password) throws LDAPException {
        LDAPURL url = new LDAPURL(c.url());
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(10_000);
        options.setResponseTimeoutMillis(60_000);
        LDAPConnection conn;
        if ("ldaps".equalsIgnoreCase(url.getScheme())) {
            try {
                conn = new LDAPConnection(
                        new SSLUtil().createSSLSocketFactory(), options, url.getHost(), url.getPort());
            } catch (java.security.GeneralSecurityException e) {
                throw new LDAPException(com.unboundid.ldap.sdk.ResultCode.CONNECT_ERROR, "TLS setup failed", e);
            }
        } else {
            conn = new LDAPConnection(options, url.getHost(), url.getPort());
        }
        try {
            conn.bind(c.bindDn(), password);
            return conn;
        } catch (LDAPException e) {
            conn.close();
            throw e;
        }
    }

    static @Nullable Instant fileTime(@Nullable Long v) {
        if (v == null || v <= 0 || v == Long.MAX_VALUE) {
            return null;
        }
        return Instant.ofEpochMilli(v / 10_000 - FILETIME_EPOCH_OFFSET_MS);
    }

    static @Nullable Instant generalized(@Nullable String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return StaticUtils.decodeGeneralizedTime(v).toInstant();
        } catch (java.text.ParseException e) {
            return null;
        }
    }

    private static @Nullable String first(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }
}
