#!/usr/bin/env bash
# Start a throwaway PostgreSQL for the quotes.db tests. Run as root on Debian (bookworm):
#   eval "$(.ci/postgres.sh)"      # sets QUOTES_TEST_POSTGRES_URL (and QUOTES_TEST_POSTGRES_DIR)
# Stop it afterwards with: runuser -u postgres -- "$(dirname "$(command -v pg_ctl)")"/pg_ctl -D "$QUOTES_TEST_POSTGRES_DIR/data" stop
# Everything but the export lines goes to stderr, so the output is safe to eval.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    log "installing postgresql from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y postgresql >&2
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)

# A free port: ask the kernel for one, fall back to scanning from 55432.
free_port() {
    if command -v python3 >/dev/null; then
        python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
        return
    fi
    local port=55432
    while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    echo "$port"
}
PORT=$(free_port)

# The server refuses to run as root: the cluster belongs to the unprivileged postgres user.
id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
DIR=$(mktemp -d /tmp/quotes-postgres.XXXXXX)
chown postgres "$DIR"
as_postgres() { runuser -u postgres -- "$@"; }

log "initdb in $DIR/data"
as_postgres "$PGBIN/initdb" -D "$DIR/data" -U postgres -A trust --encoding=UTF8 --locale=C.UTF-8 >&2
log "starting on 127.0.0.1:$PORT"
as_postgres "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >&2
as_postgres "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres quotes_test >&2

echo "export QUOTES_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:$PORT/quotes_test"
echo "export QUOTES_TEST_POSTGRES_DIR=$DIR"
