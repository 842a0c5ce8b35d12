#!/usr/bin/env bash
# Issue 8/9's fault proofs: orders flow while order-service gets SIGTERM, then SIGKILL, while the broker is killed
# (SIGKILL) and restarted, while customer-service, fulfillment-service and callcenter-service are SIGKILLed (each at
# a random moment; the seed is printed), and with two customer-service replicas; afterwards every accepted order is
# in the database once, its OrderPlaced is on order-events under one event id, the outboxes are empty, customer-service
# counted each order once, each storefront order has exactly one shipment and one ShipmentCreated, callcenter knows
# each order, and the dead-letter topics hold only the poison records the test injected. Then two replicas each of
# order-, customer- and callcenter-service: the overdue and dormancy scans publish once and one task is made per cause.
#
#   scripts/fault-tests.sh [orders per phase, default 100] [concurrent clients, default 4] [seed]
#   scripts/fault-tests.sh 2000     # the long form: well over 10,000 orders
#
# Needs the services packaged (mvn -B -DskipTests package). Prints the figures of each fault.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT/system-tests"
mvn -B -ntp test -Dtest='OrderFaultsTest,SchedulersWithReplicasTest' -Dparus.faults.orders="${1:-100}" \
  -Dparus.faults.clients="${2:-4}" ${3:+-Dparus.faults.seed=$3} 2>&1 \
  | grep -E '^\[(faults|replicas|system-tests)\]|Tests run|FAIL|ERROR'
