#!/usr/bin/env bash
# Issue 8/9's fault proofs: orders flow while order-service gets SIGTERM, then SIGKILL, and while the broker is
# killed (SIGKILL) and restarted; afterwards every accepted order is in the database once, its OrderPlaced is on
# order-events under one event id, the outbox is empty and customer-service counted each order once.
#
#   scripts/fault-tests.sh [orders before and after each fault, default 100] [concurrent clients, default 4]
#
# Needs the services packaged (mvn -B -DskipTests package). Prints the figures of each fault.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT/system-tests"
mvn -B -ntp test -Dtest=OrderFaultsTest -Dparus.faults.orders="${1:-100}" -Dparus.faults.clients="${2:-4}" 2>&1 \
  | grep -E '^\[(faults|system-tests)\]|Tests run|FAIL|ERROR'
