#!/usr/bin/env bash
# Start a local PostgreSQL server for the store tests and print its DSN.
#
# Run as root on Debian after `apt-get install -y postgresql`. Idempotent: a
# second run finds the cluster, role and database there and only prints the DSN.
# Prints nothing but the DSN on stdout (progress goes to stderr); exports nothing.
# Use:  export CORROBORATE_PG_DSN="$(bash .ci/postgres-setup.sh)"
set -euo pipefail

ROLE=corroborate
PASSWORD=corroborate
DB=corroborate_test
CLUSTER=main

log() { echo "postgres-setup: $*" >&2; }
as_pg() { su postgres -s /bin/sh -c "$1"; }

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
[ -n "$VERSION" ] || { log "no PostgreSQL installed (apt-get install -y postgresql)"; exit 1; }

# Some container images install the server without creating a cluster.
if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$VERSION/$CLUSTER"; then
  log "creating cluster $VERSION/$CLUSTER"
  pg_createcluster "$VERSION" "$CLUSTER" >&2
fi

PORT="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $3}')"
STATUS="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $4}')"
if [ "$STATUS" != "online" ]; then
  log "starting cluster $VERSION/$CLUSTER on port $PORT"
  pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$PORT" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$PORT" || { log "server not ready on port $PORT"; exit 1; }

PSQL="psql -p $PORT -v ON_ERROR_STOP=1 -tAq"
if [ "$(as_pg "$PSQL -c \"SELECT 1 FROM pg_roles WHERE rolname='$ROLE'\"")" != "1" ]; then
  log "creating role $ROLE"
  as_pg "$PSQL -c \"CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD'\"" >&2
fi
if [ "$(as_pg "$PSQL -c \"SELECT 1 FROM pg_database WHERE datname='$DB'\"")" != "1" ]; then
  log "creating database $DB"
  as_pg "createdb -p $PORT -O $ROLE $DB" >&2
fi

echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"
