#!/usr/bin/env bash
# Builds the stack's container images on this machine, offline: nothing is pulled from any registry.
#
#   scripts/images.sh              (or ./parus images)
#   scripts/images.sh --infra      only Kafka, PostgreSQL and GreenMail (what the tests take from containers)
#   scripts/images.sh --official   only the services' images, on eclipse-temurin:17-jre, for machines that reach
#                                  a registry: compose then takes apache/kafka, postgres, greenmail from it
#
#   parus/debian:bookworm        base: debootstrap of Debian bookworm from the mirror apt already uses
#   parus/jre:17                 Debian's OpenJDK 17 runtime            (stands in for eclipse-temurin:17-jre)
#   parus/postgres:15            Debian's PostgreSQL 15                 (stands in for postgres:17)
#   parus/kafka:<version>        the broker from local-infra/kafka-dist (stands in for apache/kafka)
#   parus/greenmail:<version>    GreenMail standalone from Maven Central (stands in for greenmail/standalone)
#   parus/<service>:latest       each service's target/quarkus-app on parus/jre (docker/service/Dockerfile)
#
# Then it writes .env beside docker-compose.yml, which docker compose reads: the image settings point at these
# local images. Where a registry is reachable, delete .env (or set the PARUS_*_IMAGE variables) to use the
# official images instead. Run again after changing code: what did not change is reused from the build cache,
# so a second run takes seconds. Needs a running Docker engine; the base image also needs root and debootstrap.
set -euo pipefail
cd "$(dirname "$0")/.."

SERVICES=(customer-service order-service callcenter-service fulfillment-service notification-service)
KAFKA_VERSION=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' local-infra/kafka-dist/pom.xml)
GREENMAIL_VERSION=$(sed -n 's:.*<greenmail.version>\(.*\)</greenmail.version>.*:\1:p' pom.xml)

BASE_IMAGE=parus/debian:bookworm
JAVA_IMAGE=parus/jre:17
POSTGRES_IMAGE=parus/postgres:15
KAFKA_IMAGE=parus/kafka:$KAFKA_VERSION
SMTP_IMAGE=parus/greenmail:$GREENMAIL_VERSION

say() { printf 'images: %s\n' "$*"; }
die() { printf 'images: %s\n' "$*" >&2; exit 1; }
has_image() { docker image inspect "$1" >/dev/null 2>&1; }
# No lock around Maven here: ComposeStackTest runs this script from inside a Maven build, and a lock the outer
# build holds (flock /tmp/parus-mvn.lock mvn ...) would wait for ever
mvn_build() { mvn -B -ntp -q "$@"; }
build() {
  local tag=$1; shift
  local started=$SECONDS
  local log
  log=$(mktemp)
  if ! docker build --network host -t "$tag" "$@" >"$log" 2>&1; then
    cat "$log" >&2; rm -f "$log"; die "building $tag failed"
  fi
  rm -f "$log"
  say "$tag ($((SECONDS - started)) s, $(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%d MB", $1/1000000}'))"
}

official=false
infra_only=false
case "${1:-}" in
  --official) official=true ;;
  --infra) infra_only=true ;;
  "") ;;
  *) die "unknown option $1 (--infra, --official)" ;;
esac

docker info >/dev/null 2>&1 || die "no Docker engine answers (start it: dockerd &, or the docker service)"

# The Debian mirror apt uses here: the only place the base image can come from without a registry.
debian_mirror() {
  local uri
  uri=$(grep -hs -m1 '^URIs:.*debian$' /etc/apt/sources.list.d/*.sources | awk '{print $2}' || true)
  [ -n "$uri" ] || uri=$(grep -hs -m1 '^deb .*debian ' /etc/apt/sources.list | awk '{print $2}' || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

package_services() {
  local s missing=()
  for s in "${SERVICES[@]}"; do
    [ -f "$s/target/quarkus-app/quarkus-run.jar" ] || missing+=("$s")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "packaging ${missing[*]} (tests skipped)"
    mvn_build install -DskipTests -pl "$(IFS=,; echo "${missing[*]}")" -am
  fi
}
build_services() {
  local s
  for s in "${SERVICES[@]}"; do
    build "parus/$s:latest" --build-arg JAVA_IMAGE="$1" -f docker/service/Dockerfile "$s"
  done
}

if [ "$official" = true ]; then
  package_services
  build_services eclipse-temurin:17-jre
  rm -f .env
  say "removed .env: docker compose takes Kafka, PostgreSQL and GreenMail from their registries"
  exit 0
fi

if ! has_image "$BASE_IMAGE"; then
  command -v debootstrap >/dev/null 2>&1 || die "debootstrap is missing (apt-get install debootstrap)"
  [ "$(id -u)" = 0 ] || die "the base image needs root (debootstrap)"
  rootfs=$(mktemp -d /tmp/parus-rootfs-XXXXXX)
  trap 'rm -rf "$rootfs"' EXIT
  started=$SECONDS
  debootstrap --variant=minbase bookworm "$rootfs" "$(debian_mirror)" >/dev/null
  # the downloaded packages and lists are not part of the system: 120 MB less in every image
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import -c 'ENV LANG=C.UTF-8' - "$BASE_IMAGE" >/dev/null
  rm -rf "$rootfs"
  say "$BASE_IMAGE ($((SECONDS - started)) s)"
fi

build "$JAVA_IMAGE" --build-arg BASE_IMAGE="$BASE_IMAGE" docker/jre
build "$POSTGRES_IMAGE" --build-arg BASE_IMAGE="$BASE_IMAGE" -f docker/postgres/Dockerfile .

[ -d local-infra/kafka-dist/target/kafka-lib ] || mvn_build package -pl local-infra/kafka-dist
build "$KAFKA_IMAGE" --build-arg JAVA_IMAGE="$JAVA_IMAGE" -f docker/kafka/Dockerfile .

greenmail_jar=docker/smtp/lib/greenmail-standalone.jar
if [ ! -f "$greenmail_jar" ]; then
  mvn_build dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
    -DoutputDirectory=docker/smtp/lib -Dmdep.stripVersion=true
fi
build "$SMTP_IMAGE" --build-arg JAVA_IMAGE="$JAVA_IMAGE" -f docker/smtp/Dockerfile .

if [ "$infra_only" = false ]; then
  package_services
  build_services "$JAVA_IMAGE"
fi

cat > .env <<EOF
# Written by scripts/images.sh: docker compose uses the images built on this machine.
# Delete this file to use the official images where a registry is reachable.
PARUS_JAVA_IMAGE=$JAVA_IMAGE
PARUS_POSTGRES_IMAGE=$POSTGRES_IMAGE
PARUS_KAFKA_IMAGE=$KAFKA_IMAGE
PARUS_SMTP_IMAGE=$SMTP_IMAGE
EOF
say "wrote .env (docker compose now uses these images)"
