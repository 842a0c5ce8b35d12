#!/usr/bin/env python3
"""Writes the settings tables of docs/operations.md (between the settings:begin/end markers).

Sources, per service: platform's META-INF/microprofile-config.properties (every service), the service's
application.properties (keys without a profile; %dev/%test-only keys are not deployment settings) and its
@ConfigMapping interfaces (@WithDefault, nested interfaces followed by the method that returns them).
Environment variable: the Quarkus rule (upper case, every other character '_'), or the variable named in a
${VAR:default} expression. A key whose value has no default in production is marked "required".

    python3 scripts/settings-table.py          # rewrite docs/operations.md
    python3 scripts/settings-table.py --check  # exit 1 when the page is not up to date
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SERVICES = ["customer-service", "order-service", "callcenter-service", "fulfillment-service", "notification-service"]
DOC = ROOT / "docs" / "operations.md"
BEGIN, END = "<!-- settings:begin (scripts/settings-table.py) -->", "<!-- settings:end -->"
# wiring a deployment does not change: channel connectors and topics, serializers, schema and test settings
INTERNAL = re.compile(r"^(mp\.messaging\.|quarkus\.devservices|quarkus\.http\.test-port|quarkus\.hibernate-orm\."
                      r"|quarkus\.flyway\.|quarkus\.application\.name|quarkus\.smallrye-openapi\.|quarkus\.swagger-ui\."
                      r"|quarkus\.datasource\.db-kind|quarkus\.http\.auth\.proactive|quarkus\.kafka\.health|quarkus\.arc\.)")
SECRET = re.compile(r"(secret|password|token|private)", re.I)


def env_name(key):
    return re.sub(r"[^A-Za-z0-9]", "_", key).upper()


def kebab(name):
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"-\1", name).lower()


def read_properties(path):
    entries, pending = {}, ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = pending + raw.strip()
        pending = ""
        if line.endswith("\\"):
            pending = line[:-1]
            continue
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        entries[key.strip()] = value.strip()
    return entries


def mapping_defaults(service):
    """(key, default) from @ConfigMapping interfaces: top-level methods and nested interfaces."""
    found = {}
    for java in sorted((ROOT / service / "src" / "main" / "java").rglob("*.java")):
        text = java.read_text(encoding="utf-8")
        m = re.search(r'@ConfigMapping\(prefix\s*=\s*"([^"]+)"\)', text)
        if not m:
            continue
        prefix = m.group(1)
        # nested interface name -> the prefix under which it is mapped
        prefixes = {"": prefix}
        returns = {}
        for rm in re.finditer(r"^\s+(?:@\w+(?:\([^)]*\))?\s+)*(?:Map<\s*\w+\s*,\s*)?(\w+)>?\s+(\w+)\(\);", text, re.M):
            returns[rm.group(1)] = rm.group(2)
        stack = [""]
        depth = 0
        default = None
        for line in text.splitlines():
            im = re.match(r"\s*(?:public\s+)?(?:static\s+)?interface\s+(\w+)", line)
            if im and depth > 0:
                name = im.group(1)
                method = returns.get(name)
                parent = prefixes[stack[-1]]
                prefixes[name] = parent + "." + kebab(method) if method else parent + "." + kebab(name)
                if re.search(r"Map<\s*\w+\s*,\s*" + name + r"\s*>", text):
                    prefixes[name] += ".<name>"
                stack.append(name)
            dm = re.match(r'\s*@WithDefault\("([^"]*)"\)', line)
            if dm:
                default = dm.group(1)
            mm = re.match(r"\s*(?:[\w.<>, ]+)\s+(\w+)\(\);", line)
            if mm and default is not None:
                found[prefixes[stack[-1]] + "." + kebab(mm.group(1))] = default
                default = None
            elif mm:
                default = None
            depth += line.count("{") - line.count("}")
            if line.strip() == "}" and len(stack) > 1 and depth == len(stack) - 1:
                stack.pop()
    return found


def describe(key, value):
    """(env var, default shown) for a properties value, with ${VAR:default} expressions resolved."""
    em = re.fullmatch(r"\$\{([A-Z0-9_]+)(?::(.*))?\}", value)
    if em:
        return em.group(1), em.group(2)
    return env_name(key), value


def cell(value):
    if value is None:
        return "**required**"
    if value == "":
        return "empty"
    return "`" + value.replace("|", "\\|") + "`"


def table():
    platform = read_properties(ROOT / "platform/src/main/resources/META-INF/microprofile-config.properties")
    out = ["### Every service (platform defaults, `platform/src/main/resources/META-INF/microprofile-config.properties`)",
           "", "| key | environment variable | default |", "| --- | --- | --- |"]
    for key, value in platform.items():
        if INTERNAL.match(key):
            continue
        env, default = describe(key, value)
        out.append(f"| `{key}` | `{env}` | {cell(default)} |")
    for service in SERVICES:
        props = read_properties(ROOT / service / "src/main/resources/application.properties")
        rows = {}
        for key, default in mapping_defaults(service).items():
            rows[key] = (env_name(key), default, "")
        profiled = {k.split(".", 1)[1] for k in props if k.startswith("%")}
        for key, value in props.items():
            if key.startswith("%") or INTERNAL.match(key):
                continue
            env, default = describe(key, value)
            note = ""
            if SECRET.search(key) and default not in (None, ""):
                note = "secret with a default in every profile"
            rows[key] = (env, default, note)
        for key in sorted(profiled - set(props)):
            if INTERNAL.match(key) or key in rows:
                continue
            if "%prod." + key in props:
                env, default = describe(key, props["%prod." + key])
                rows[key] = (env, default, "`%prod` value")
            else:
                rows[key] = (env_name(key), None, "only %dev/%test set it")
        out += ["", f"### {service}", "", "| key | environment variable | default | note |", "| --- | --- | --- | --- |"]
        for key in sorted(rows):
            env, default, note = rows[key]
            if SECRET.search(key) and default is not None and default != "" and not note:
                note = "secret"
            out.append(f"| `{key}` | `{env}` | {cell(default)} | {note} |")
    return "\n".join(out)


def main():
    doc = DOC.read_text(encoding="utf-8")
    if BEGIN not in doc or END not in doc:
        sys.exit(f"{DOC}: markers {BEGIN} / {END} missing")
    before, rest = doc.split(BEGIN, 1)
    _, after = rest.split(END, 1)
    updated = before + BEGIN + "\n" + table() + "\n" + END + after
    if "--check" in sys.argv:
        sys.exit(0 if updated == doc else "docs/operations.md: settings tables are stale; run scripts/settings-table.py")
    DOC.write_text(updated, encoding="utf-8")


if __name__ == "__main__":
    main()
