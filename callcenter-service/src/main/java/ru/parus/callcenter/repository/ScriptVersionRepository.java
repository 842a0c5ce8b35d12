package ru.parus.callcenter.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import ru.parus.callcenter.domain.ScriptStatus;
import ru.parus.callcenter.domain.ScriptVersion;

@ApplicationScoped
public class ScriptVersionRepository implements PanacheRepositoryBase<ScriptVersion, UUID> {

    public Optional<ScriptVersion> approved(String code) {
        return find("code = ?1 and status = ?2", code, ScriptStatus.APPROVED).firstResultOptional();
    }

    public Optional<ScriptVersion> version(String code, int version) {
        return find("code = ?1 and version = ?2", code, version).firstResultOptional();
    }

    public List<ScriptVersion> versions(String code) {
        return list("code = ?1 order by version", code);
    }

    public int lastVersion(String code) {
        Integer max = getEntityManager().createQuery("select max(v.version) from ScriptVersion v where v.code = ?1",
                Integer.class).setParameter(1, code).getSingleResult();
        return max == null ? 0 : max;
    }
}
