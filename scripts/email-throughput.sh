#!/usr/bin/env bash
# E-mail messages per second through notification-service on the local stack (issue 7):
# one customer with an e-mail consent, N manager's messages posted by P clients, then the delivery
# log says how fast they went from queued to SENT through the stack's SMTP server.
#   ./parus up && scripts/email-throughput.sh [N=500] [P=8]
set -euo pipefail
cd "$(dirname "$0")/.."
# load average before and after; not comparable above 2 (PARUS_BENCH_REQUIRE_QUIET=1 refuses)
. scripts/lib/quiet-machine.sh
quiet_machine_before
N=${1:-500} P=${2:-8}
PG_PORT=${PARUS_PG_PORT:-15432}
MANAGER=$(./parus token --role MANAGER --sub manager-1)
customer=$(curl -sf localhost:8081/customers -H "Authorization: Bearer $MANAGER" -H 'Content-Type: application/json' \
  -d '{"name":"Замер Почты","phone":"+7916'$(printf '%07d' $((RANDOM * 32768 + RANDOM)) | cut -c1-7)'","email":"bench'$RANDOM$RANDOM'@example.org","type":"FITNESS"}' | jq -r .id)
curl -sf -X PUT "localhost:8081/customers/$customer/consents" -H "Authorization: Bearer $MANAGER" \
  -H 'Content-Type: application/json' -H 'If-Match: "0"' \
  -d '{"consents":[{"channel":"EMAIL","granted":true,"method":"WRITTEN"}],"preferredChannel":"EMAIL","timeZone":"Europe/Moscow"}' >/dev/null
sleep 2 # the consent reaches notification-service through customer-events
start=$(date +%s.%N)
seq "$N" | xargs -P "$P" -I{} curl -sf -o /dev/null localhost:8085/messages -H "Authorization: Bearer $MANAGER" \
  -H 'Content-Type: application/json' -d '{"customerId":"'"$customer"'","subject":"Замер {}","text":"Сообщение номер {}"}'
posted=$(date +%s.%N)
sql() { psql -qtA -h 127.0.0.1 -p "$PG_PORT" -U postgres notifications -c "$1"; }
while [ "$(sql "SELECT count(*) FROM message_log WHERE customer_id = '$customer' AND status IN ('SENT','DELIVERED')")" -lt "$N" ]; do
  sleep 1
done
sql "SELECT count(*) AS sent,
            round(extract(epoch FROM max(sent_at) - min(created_at))::numeric, 2) AS queued_to_last_sent_s,
            round(count(*) / extract(epoch FROM max(sent_at) - min(created_at))::numeric, 1) AS per_second
     FROM message_log WHERE customer_id = '$customer'" | awk -F'|' -v p="$(echo "$posted - $start" | bc)" -v n="$N" \
  '{printf "%s e-mails: posting took %.1f s (%.0f/s); first queued -> last SENT %s s = %s messages/s\n", $1, p, n/p, $2, $3}'
quiet_machine_after
