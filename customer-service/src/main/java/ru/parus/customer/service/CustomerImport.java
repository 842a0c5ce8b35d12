package ru.parus.customer.service;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.logging.Logger;

import ru.parus.customer.config.CustomerConfig;
import ru.parus.customer.domain.Customer;
import ru.parus.customer.domain.CustomerContact;
import ru.parus.customer.event.CustomerContactsChanged;
import ru.parus.customer.event.CustomerEvents;
import ru.parus.customer.repository.DuplicateRepository;
import ru.parus.platform.phone.PhoneNumbers;
import ru.parus.platform.problem.ProblemException;
import ru.parus.platform.problem.ProblemType;
import ru.parus.platform.security.CurrentStaff;

/**
 * Bulk import of an existing customer base from a storefront export (CSV: name, phone, email, type,
 * storefront, registeredAt; header row; {@code ;} or {@code ,}; UTF-8 with or without BOM). R6: every
 * imported customer is registered and announced ({@code CustomerRegistered}); one identity: a row whose
 * phone or e-mail a customer has already adds its missing contacts to that customer instead of making a
 * duplicate. R24: the whole file is one transaction, so nothing is half-imported; rows are never logged.
 */
@ApplicationScoped
public class CustomerImport {
    private static final Logger LOG = Logger.getLogger(CustomerImport.class);
    static final List<String> COLUMNS = List.of("name", "phone", "email", "type", "storefront", "registeredAt");
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

    @Inject
    CustomerService customers;
    @Inject
    ContactService contacts;
    @Inject
    DuplicateRepository duplicates;
    @Inject
    PhoneNumbers phones;
    @Inject
    CustomerConfig config;
    @Inject
    Timeline timeline;
    @Inject
    EntityManager em;
    @Inject
    TransactionManager tm;
    @Inject
    Clock clock;

    public record Rejected(long line, String reason) {
    }

    public record Report(boolean dryRun, int accepted, int merged, List<Rejected> rejected) {
    }

    /** A row that passed validation failed in the database: the transaction is rolled back, nothing imported. */
    public static class WriteFailed extends RuntimeException {
        public final long line;

        WriteFailed(long line, Throwable cause) {
            super("line " + line + ": " + cause.getClass().getSimpleName(), cause);
            this.line = line;
        }
    }

    /** What one valid row did. */
    sealed interface Outcome {
        /** A new customer, registered and announced. */
        record Accepted(UUID customerId) implements Outcome {
        }

        /** One identity: the row's contacts went to the customer who has its phone or e-mail. */
        record Merged(UUID customerId) implements Outcome {
        }

        /** Nothing done with the row, for this reason. */
        record Refused(String reason) implements Outcome {
        }
    }

    private record Row(long line, String name, String phone, String email, String type, String via,
            OffsetDateTime registeredAt) {
    }

    /** The whole file in one transaction; {@code dryRun} does all of it and rolls back. */
    @Transactional
    public Report run(byte[] body, boolean dryRun, CurrentStaff staff) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Rejected> rejected = new ArrayList<>();
        List<Row> rows = parse(decode(body), now, rejected);
        int accepted = 0;
        int merged = 0;
        for (Row row : rows) {
            try {
                Outcome outcome = apply(row, now, staff);
                if (outcome instanceof Outcome.Accepted) {
                    accepted++;
                } else if (outcome instanceof Outcome.Merged) {
                    merged++;
                } else if (outcome instanceof Outcome.Refused refused) {
                    rejected.add(new Rejected(row.line(), refused.reason()));
                }
            } catch (PersistenceException e) {
                // R24: no row content in the log, only the line
                LOG.warnf("customer import: line %d failed in the database (%s, SQLState %s); nothing is imported",
                        row.line(), e.getClass().getSimpleName(), sqlState(e));
                throw new WriteFailed(row.line(), e);
            }
        }
        rejected.sort(java.util.Comparator.comparingLong(Rejected::line));
        if (dryRun) {
            try {
                tm.setRollbackOnly();
            } catch (SystemException e) {
                throw new IllegalStateException(e);
            }
        }
        LOG.infof("customer import by %s%s: %d accepted, %d merged, %d rejected", staff.id(), dryRun ? " (dry run)" : "",
                accepted, merged, rejected.size());
        return new Report(dryRun, accepted, merged, rejected);
    }

    private Outcome apply(Row row, OffsetDateTime now, CurrentStaff staff) {
        List<UUID> holders = duplicates.holdersOf(row.phone(), row.email(), new UUID(0, 0)).stream()
                .map(DuplicateRepository.Match::customerId).distinct().toList();
        if (holders.size() > 1) {
            return new Outcome.Refused("phone and email belong to two different customers; merge them first");
        }
        if (holders.size() == 1) {
            addContacts(holders.get(0), row, now, staff);
            return new Outcome.Merged(holders.get(0));
        }
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.name = row.name();
        customer.phone = row.phone();
        customer.email = row.email();
        customer.type = row.type();
        customer.registeredVia = row.via();
        customer.createdAt = row.registeredAt();
        // R14: this service does not know the storefront orders of an imported customer, so dormancy counts
        // from the import; counting from registeredAt would turn a whole old base dormant at the next scan
        customer.activeAt = now;
        em.persist(customer);
        em.flush();
        customers.saveMainContacts(customer);
        em.flush();
        customers.announce(customer, List.of());
        return new Outcome.Accepted(customer.id);
    }

    /** One identity: the contacts the existing customer lacks are added after theirs (R21), announced (R6). */
    private void addContacts(UUID id, Row row, OffsetDateTime now, CurrentStaff staff) {
        ContactService.Contacts current = contacts.contacts(id);
        boolean added = false;
        if (row.phone() != null && !current.phones().contains(row.phone())) {
            em.persist(CustomerContact.of(id, CustomerContact.PHONE, row.phone(), current.phones().size()));
            added = true;
        }
        if (row.email() != null && !current.emails().contains(row.email())) {
            em.persist(CustomerContact.of(id, CustomerContact.EMAIL, row.email(), current.emails().size()));
            added = true;
        }
        if (!added) {
            return;
        }
        Customer customer = em.find(Customer.class, id);
        if (customer.phone == null) {
            customer.phone = row.phone();
        }
        if (customer.email == null) {
            customer.email = row.email();
        }
        customer.updatedAt = now;
        em.flush();
        ContactService.Contacts after = contacts.contacts(id);
        timeline.publish(id, CustomerEvents.CONTACTS_CHANGED, new CustomerContactsChanged(id, after.phones(), after.emails(),
                after.messengers().stream().map(m -> new CustomerContactsChanged.Messenger(m.network(), m.handle())).toList(),
                now, staff.id(), customer.version));
    }

    /** The SQLState says what went wrong without the values PostgreSQL's message would quote (R24). */
    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                return sql.getSQLState();
            }
        }
        return "unknown";
    }

    private static String decode(byte[] body) {
        if (body.length == 0) {
            throw ProblemException.invalidField("body", "empty: a header row (name, phone, email, ...) and rows expected");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalidField("body", "not UTF-8 text");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private List<Row> parse(String text, OffsetDateTime now, List<Rejected> rejected) {
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            Map<String, Integer> header = new java.util.HashMap<>();
            parser.getHeaderMap().forEach((k, v) -> {
                if (k != null) {
                    header.put(k.strip().toLowerCase(Locale.ROOT), v);
                }
            });
            if (!header.containsKey("name") || !(header.containsKey("phone") || header.containsKey("email"))) {
                throw ProblemException.invalidField("header", "the first row must name the columns: name, phone, "
                        + "email, type, storefront, registeredAt (name and phone or email at least)")
                        .with("columns", COLUMNS);
            }
            int columns = parser.getHeaderMap().size();
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber() + 1; // the header is line 1
                if (record.size() != columns) {
                    rejected.add(new Rejected(line, "expected " + columns + " columns, found " + record.size()));
                    continue;
                }
                String reason = null;
                String name = value(record, header, "name");
                String phone = value(record, header, "phone");
                String email = value(record, header, "email");
                String type = value(record, header, "type");
                String storefront = value(record, header, "storefront");
                String registered = value(record, header, "registeredat");
                OffsetDateTime registeredAt = now;
                if (name == null) {
                    reason = "name: required";
                } else if (name.length() > 200) {
                    reason = "name: at most 200 characters";
                } else if (phone == null && email == null) {
                    reason = "phone or email: at least one contact is required";
                }
                if (reason == null && phone != null) {
                    try {
                        phone = phones.normalize("phone", phone);
                    } catch (ProblemException e) {
                        reason = "phone: not a valid phone number"; // R24: the value is not echoed
                    }
                }
                if (reason == null && email != null) {
                    if (email.length() > 254 || !email.matches(EMAIL)) {
                        reason = "email: not an e-mail address";
                    } else {
                        email = email.toLowerCase(Locale.ROOT);
                    }
                }
                if (reason == null) {
                    type = type == null ? config.storefrontCustomerType() : type.toUpperCase(Locale.ROOT);
                    if (!config.types().contains(type)) {
                        reason = "type: must be one of " + config.types();
                    }
                }
                if (reason == null && storefront != null) {
                    storefront = storefront.toUpperCase(Locale.ROOT);
                    if (!config.storefronts().contains(storefront)) {
                        reason = "storefront: must be one of " + config.storefronts();
                    }
                }
                if (reason == null && registered != null) {
                    registeredAt = time(registered);
                    if (registeredAt == null) {
                        reason = "registeredAt: not an ISO-8601 date or date-time";
                    } else if (registeredAt.isAfter(now)) {
                        reason = "registeredAt: in the future";
                    }
                }
                if (reason != null) {
                    rejected.add(new Rejected(line, reason));
                } else {
                    rows.add(new Row(line, name, phone, email, type, storefront == null ? "IMPORT" : storefront,
                            registeredAt));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ProblemException.invalidField("body", "not readable as CSV: " + e.getMessage());
        }
        return rows;
    }

    private static String value(CSVRecord record, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String v = record.get(index);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static OffsetDateTime time(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            // a date-time without an offset or a bare date: the storefronts export UTC
        }
        try {
            return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }
}
