#!/usr/bin/env python3
"""Writes ops/k8s/: one file per service (Deployment, Service, PodDisruptionBudget, HorizontalPodAutoscaler)
and parus-config.yaml (the shared ConfigMaps). Secrets are referenced, never written: create them with
kubectl (docs/operations.md). Run from the project root after changing a value here:

    python3 scripts/k8s-manifests.py

system-tests' K8sManifestsTest checks the result (probes, ports, images, references, grace period).
Needs PyYAML (Debian: python3-yaml).
"""
import pathlib

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "ops" / "k8s"

# Quarkus' graceful shutdown (QUARKUS_SHUTDOWN_TIMEOUT) plus the preStop pause must fit in the grace period.
SHUTDOWN_TIMEOUT_S = 20
PRE_STOP_SLEEP_S = 5
GRACE_PERIOD_S = 40

# name, database, replicas, max replicas, why it scales as it does
SERVICES = [
    ("customer-service", "customers", 2, 3,
     "Consumer of order-events and others (3 partitions: up to 3 busy consumers per group); the dormancy scan "
     "takes an advisory lock, so one replica scans at a time."),
    ("order-service", "orders", 2, 6,
     "HTTP-bound (phone orders, storefront intake): scales past the 3 partitions, extra replicas only serve HTTP. "
     "The outbox relay and the unpaid-order scan take advisory locks: one replica relays or scans at a time."),
    ("callcenter-service", "callcenter", 2, 3,
     "Consumer-bound (3 partitions); task claims are row locks, safe on any number of replicas."),
    ("fulfillment-service", "fulfillment", 2, 3,
     "Consumer-bound (3 partitions)."),
    ("notification-service", "notifications", 2, 3,
     "Consumer-bound (3 partitions); each message is sent by the replica that owns the event's partition, the "
     "inbox drops redelivered events."),
]

LABELS = {"app.kubernetes.io/part-of": "parus"}


def deployment(name, database, replicas):
    selector = {"app.kubernetes.io/name": name}
    probe = lambda path, period, failures: {  # noqa: E731
        "httpGet": {"path": path, "port": "http"},
        "periodSeconds": period,
        "timeoutSeconds": 3,
        "failureThreshold": failures,
    }
    return {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": name, "labels": {**LABELS, **selector}},
        "spec": {
            "replicas": replicas,
            "selector": {"matchLabels": selector},
            "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 0, "maxSurge": 1}},
            "template": {
                "metadata": {
                    "labels": {**LABELS, **selector},
                    "annotations": {
                        "prometheus.io/scrape": "true",
                        "prometheus.io/path": "/q/metrics",
                        "prometheus.io/port": "8080",
                    },
                },
                "spec": {
                    "terminationGracePeriodSeconds": GRACE_PERIOD_S,
                    "containers": [{
                        "name": name,
                        "image": f"parus/{name}:latest",
                        "imagePullPolicy": "IfNotPresent",
                        "ports": [{"name": "http", "containerPort": 8080, "protocol": "TCP"}],
                        "envFrom": [{"configMapRef": {"name": "parus-common"}}],
                        "env": [
                            {"name": "QUARKUS_DATASOURCE_JDBC_URL",
                             "valueFrom": {"configMapKeyRef": {"name": "parus-databases", "key": database}}},
                            {"name": "QUARKUS_DATASOURCE_USERNAME",
                             "valueFrom": {"secretKeyRef": {"name": f"parus-db-{database}", "key": "username"}}},
                            {"name": "QUARKUS_DATASOURCE_PASSWORD",
                             "valueFrom": {"secretKeyRef": {"name": f"parus-db-{database}", "key": "password"}}},
                        ] + (ORDER_SECRETS if name == "order-service" else []),
                        "volumeMounts": [{"name": "jwt", "mountPath": "/keys", "readOnly": True}],
                        "resources": {
                            "requests": {"cpu": "250m", "memory": "320Mi"},
                            "limits": {"cpu": "1", "memory": "384Mi"},
                        },
                        "startupProbe": probe("/q/health/started", 2, 60),
                        "readinessProbe": probe("/q/health/ready", 5, 3),
                        "livenessProbe": probe("/q/health/live", 10, 3),
                        # the endpoints controller takes a moment to stop routing to a terminating pod
                        "lifecycle": {"preStop": {"exec": {"command": ["sleep", str(PRE_STOP_SLEEP_S)]}}},
                    }],
                    "volumes": [{"name": "jwt", "configMap": {"name": "parus-jwt"}}],
                },
            },
        },
    }


ORDER_SECRETS = [
    {"name": env, "valueFrom": {"secretKeyRef": {"name": "parus-order-secrets", "key": key}}}
    for env, key in [("PARUS_LACTOMIN_SECRET", "lactomin"), ("PARUS_WATTN_SECRET", "wattn"),
                     ("PARUS_PAYMENT_PROVIDER_SECRET", "payment-provider")]
]


def service(name):
    return {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {"name": name, "labels": {**LABELS, "app.kubernetes.io/name": name}},
        "spec": {
            "selector": {"app.kubernetes.io/name": name},
            "ports": [{"name": "http", "port": 80, "targetPort": "http", "protocol": "TCP"}],
        },
    }


def pdb(name):
    return {
        "apiVersion": "policy/v1",
        "kind": "PodDisruptionBudget",
        "metadata": {"name": name, "labels": {**LABELS, "app.kubernetes.io/name": name}},
        "spec": {"minAvailable": 1, "selector": {"matchLabels": {"app.kubernetes.io/name": name}}},
    }


def hpa(name, replicas, max_replicas):
    return {
        "apiVersion": "autoscaling/v2",
        "kind": "HorizontalPodAutoscaler",
        "metadata": {"name": name, "labels": {**LABELS, "app.kubernetes.io/name": name}},
        "spec": {
            "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": name},
            "minReplicas": replicas,
            "maxReplicas": max_replicas,
            "metrics": [{"type": "Resource", "resource": {
                "name": "cpu", "target": {"type": "Utilization", "averageUtilization": 70}}}],
        },
    }


def config():
    common = {
        "KAFKA_BOOTSTRAP_SERVERS": "kafka:9092",
        "MP_JWT_VERIFY_ISSUER": "https://parus.local/dev-issuer",
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION": "/keys/public.pem",
        "QUARKUS_MAILER_HOST": "smtp",
        "QUARKUS_MAILER_PORT": "25",
        "QUARKUS_SHUTDOWN_TIMEOUT": f"{SHUTDOWN_TIMEOUT_S}s",
        "JAVA_MAX_MEM_RATIO": "50",
        "GC_CONTAINER_OPTIONS": "-XX:+UseSerialGC",
    }
    return [
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "parus-common", "labels": LABELS},
         "data": common},
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "parus-databases", "labels": LABELS},
         "data": {db: f"jdbc:postgresql://postgres:5432/{db}" for _, db, *_ in SERVICES}},
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "parus-jwt", "labels": LABELS},
         "data": {"public.pem": "# replace with the identity provider's RS256 public key (PEM)\n"}},
    ]


def write(path, docs, header):
    text = header + "".join("---\n" + yaml.safe_dump(d, sort_keys=False, width=120) for d in docs)
    path.write_text(text)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    generated = "# Generated by scripts/k8s-manifests.py; edit that script, not this file.\n"
    write(OUT / "parus-config.yaml", config(), generated
          + "# Shared configuration. Secrets (parus-db-<database>, parus-order-secrets) are created by\n"
          + "# kubectl, never kept here: docs/operations.md.\n")
    for name, database, replicas, max_replicas, why in SERVICES:
        note = "".join(f"# {line}\n" for line in wrap(f"Scaling: {why}"))
        write(OUT / f"{name}.yaml",
              [deployment(name, database, replicas), service(name), pdb(name), hpa(name, replicas, max_replicas)],
              generated + note)


def wrap(text, width=100):
    words, lines, line = text.split(), [], ""
    for w in words:
        if len(line) + len(w) + 1 > width:
            lines.append(line)
            line = w
        else:
            line = (line + " " + w).strip()
    return lines + [line]


if __name__ == "__main__":
    main()
