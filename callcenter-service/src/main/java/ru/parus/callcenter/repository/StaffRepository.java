package ru.parus.callcenter.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import ru.parus.callcenter.domain.Staff;

@ApplicationScoped
public class StaffRepository implements PanacheRepositoryBase<Staff, String> {

    public PanacheQuery<Staff> search(String role, Boolean active, int page, int size) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (role != null) {
            q.append(" and role = :role");
            p.and("role", role);
        }
        if (active != null) {
            q.append(" and active = :active");
            p.and("active", active);
        }
        q.append(" order by staffId");
        return find(q.toString(), p).page(Page.of(page, size));
    }

    public Staff byExtension(String extension) {
        return find("extension", extension).firstResult();
    }
}
