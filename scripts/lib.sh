# shellcheck shell=bash
# Shared helpers for scripts/run.sh, scripts/test.sh and .ci/run.
# Source it from a script that has already done `set -euo pipefail`.
#
# Environment (all optional):
#   JOURNAL_PG_DIR        demo cluster folder      (default /var/tmp/journal-pg)
#   JOURNAL_PG_PORT       demo cluster port        (default 54329)
#   JOURNAL_TEST_PG_DIR   test cluster folder      (default /var/tmp/journal-pg-test)
#   JOURNAL_TEST_PG_PORT  test cluster port        (default 54330)
#   PG_BIN                PostgreSQL binaries      (default /usr/lib/postgresql/15/bin)
#
# A cluster folder holds:  data/ (PGDATA), socket/ (unix socket), postgres.log

JOURNAL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOURNAL_PG_DIR="${JOURNAL_PG_DIR:-/var/tmp/journal-pg}"
JOURNAL_PG_PORT="${JOURNAL_PG_PORT:-54329}"
JOURNAL_TEST_PG_DIR="${JOURNAL_TEST_PG_DIR:-/var/tmp/journal-pg-test}"
JOURNAL_TEST_PG_PORT="${JOURNAL_TEST_PG_PORT:-54330}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

# The role the application and the tests use. Never a superuser: superusers
# (and BYPASSRLS roles) ignore row-level security.
JOURNAL_DB_USER="journal"                 # the application: reads and writes rows, owns nothing
JOURNAL_DB_PASSWORD="journal"
JOURNAL_DB_OWNER="journal_owner"          # owns the schema: runs migrations, creates test databases
JOURNAL_DB_OWNER_PASSWORD="journal_owner"
JOURNAL_DB_NAME="journal"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log()  { printf '==> %s\n' "$*" >&2; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die()  { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# timed <label> <command...>: runs the command and prints how long it took.
# A failing command stops the calling script (set -e) before the timing line.
timed() {
    local label="$1"; shift
    local t0=$EPOCHREALTIME
    "$@"
    local t1=$EPOCHREALTIME
    local us=$(( 10#${t1//[.,]/} - 10#${t0//[.,]/} ))
    local ms=$(( us / 1000 ))
    printf '==> %-24s %4d.%03d s\n' "$label" $((ms / 1000)) $((ms % 1000)) >&2
}

_as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else die "need root to run: $*"
    fi
}

# ensure_packages <debian packages...>: installs only the missing ones.
_APT_UPDATED=""
ensure_packages() {
    local missing=() p status
    for p in "$@"; do
        # Like `dpkg -s`, but a removed package whose config files remain counts as missing.
        status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
        [[ $status == "install ok installed" ]] || missing+=("$p")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0
    log "installing: ${missing[*]}"
    local out rc=0
    out=$(mktemp)
    if [[ -z $_APT_UPDATED ]]; then
        _as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$out" 2>&1 || rc=$?
        [[ $rc -eq 0 ]] || { cat "$out" >&2; rm -f "$out"; die "apt-get update failed"; }
        _APT_UPDATED=1
    fi
    _as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 \
        "${missing[@]}" >"$out" 2>&1 || rc=$?
    [[ $rc -eq 0 ]] || { tail -n 40 "$out" >&2; rm -f "$out"; die "apt-get install ${missing[*]} failed"; }
    rm -f "$out"
}

# ensure_dotnet: the .NET SDK is a precondition, not installed here.
ensure_dotnet() {
    if ! command -v dotnet >/dev/null 2>&1; then
        if [[ -x "$HOME/.dotnet/dotnet" ]]; then
            export PATH="$HOME/.dotnet:$PATH"
        else
            die "the .NET SDK is not installed ('dotnet' is not on PATH). Install .NET SDK 10.0 (see global.json) and retry."
        fi
    fi
    local v
    if ! v=$(cd "$JOURNAL_ROOT" && dotnet --version 2>&1); then
        die "dotnet cannot find an SDK matching $JOURNAL_ROOT/global.json: $v"
    fi
    log "dotnet SDK $v"
}

_pg_status() {  # _pg_status <port>: 0 ready, 1 rejecting (starting/stopping), 2 no answer
    local rc=0
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$1" -t 2 >/dev/null 2>&1 || rc=$?
    echo "$rc"
}

_pid_is_postmaster() {  # true if the pid is a live (non-zombie) postgres process
    local pid="$1" state comm
    [[ $pid =~ ^[0-9]+$ && -d /proc/$pid ]] || return 1
    comm=$(cat "/proc/$pid/comm" 2>/dev/null || true)
    state=$(awk '/^State:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [[ $comm == postgres* && -n $state && $state != Z ]]
}

_ensure_postgres_installed() {
    if [[ ! -x "$PG_BIN/initdb" ]]; then
        ensure_packages postgresql
    fi
    if [[ ! -x "$PG_BIN/initdb" ]]; then
        local alt
        alt=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
        [[ -n $alt && -x "$alt/initdb" ]] || die "PostgreSQL binaries not found in $PG_BIN"
        warn "PostgreSQL 15 not found, using $alt"
        PG_BIN="$alt"
    fi
    id postgres >/dev/null 2>&1 || die "OS user 'postgres' does not exist (is the postgresql package installed?)"
}

# start_pg <datadir> <port> [test]
#   Starts (initialising if needed) a private PostgreSQL cluster listening on
#   127.0.0.1:<port> only, with its socket in <datadir>/../socket. Does nothing
#   if it is already up. Then ensures role journal (LOGIN CREATEDB NOSUPERUSER)
#   and database journal owned by it. "test" turns durability off for speed.
start_pg() {
    local datadir="$1" port="$2" mode="${3:-}"
    [[ -n $datadir && -n $port ]] || die "usage: start_pg <datadir> <port> [test]"
    case "$datadir" in
        /var/tmp/*|/tmp/*) ;;
        *) warn "$datadir is not under /var/tmp or /tmp; the postgres user must be able to reach it" ;;
    esac
    _ensure_postgres_installed

    local base sockdir logfile pidfile
    base="$(dirname "$datadir")"
    sockdir="$base/socket"
    logfile="$base/postgres.log"
    pidfile="$datadir/postmaster.pid"

    # A postmaster that is starting up or shutting down answers "rejecting": wait for it.
    local st i
    st=$(_pg_status "$port")
    for i in $(seq 1 30); do
        [[ $st == 1 ]] || break
        sleep 1
        st=$(_pg_status "$port")
    done

    if [[ $st == 0 ]]; then
        # Make sure the server on this port is ours, not somebody else's.
        local running
        running=$("$PG_BIN/psql" -X -qAt -h 127.0.0.1 -p "$port" -U postgres -d postgres \
                  -c 'show data_directory' 2>/dev/null || true)
        if [[ -n $running && $(realpath -m "$running") != $(realpath -m "$datadir") ]]; then
            die "port $port is taken by another PostgreSQL cluster ($running), not $datadir"
        fi
        log "PostgreSQL already running on 127.0.0.1:$port ($datadir)"
    else
        mkdir -p "$base" "$sockdir"
        chown postgres:postgres "$base" "$sockdir"
        chmod 0755 "$base" "$sockdir"

        if [[ ! -s "$datadir/PG_VERSION" ]]; then
            log "initdb $datadir"
            rm -rf "$datadir"
            mkdir -p "$datadir"
            chown postgres:postgres "$datadir"
            chmod 0700 "$datadir"
            runuser -u postgres -- "$PG_BIN/initdb" -D "$datadir" --auth=trust \
                -E UTF8 --locale=C.UTF-8 --username=postgres >/dev/null
        fi

        # Settings we own are rewritten on every start; postgresql.conf includes them.
        {
            echo "# written by scripts/lib.sh start_pg; rewritten on every start"
            echo "listen_addresses = '127.0.0.1'"
            echo "port = $port"
            echo "unix_socket_directories = '$sockdir'"
            echo "max_connections = 200"
            echo "timezone = 'UTC'"
            echo "log_timezone = 'UTC'"
            if [[ $mode == test ]]; then
                echo "fsync = off"
                echo "synchronous_commit = off"
                echo "full_page_writes = off"
            fi
        } > "$datadir/journal.conf"
        chown postgres:postgres "$datadir/journal.conf"
        if ! grep -q "^include_if_exists = 'journal.conf'" "$datadir/postgresql.conf"; then
            echo "include_if_exists = 'journal.conf'" >> "$datadir/postgresql.conf"
        fi

        # Stale pid file (kill -9, machine restart, port changed): the postmaster may
        # linger as a zombie, so judge by the process, not by pg_ctl status.
        if [[ -f $pidfile ]]; then
            local pid
            pid=$(head -n1 "$pidfile" 2>/dev/null || true)
            if _pid_is_postmaster "$pid"; then
                log "postmaster $pid of $datadir does not answer on port $port; stopping it"
                runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$datadir" -m fast -w -t 20 stop >/dev/null 2>&1 \
                    || kill -9 "$pid" 2>/dev/null || true
                for i in $(seq 1 100); do _pid_is_postmaster "$pid" || break; sleep 0.1; done
                _pid_is_postmaster "$pid" && die "could not stop postmaster $pid of $datadir"
            fi
            if [[ -f $pidfile ]]; then
                log "removing stale $pidfile"
                rm -f "$pidfile"
            fi
        fi
        rm -f "$sockdir/.s.PGSQL.$port" "$sockdir/.s.PGSQL.$port.lock"

        log "starting PostgreSQL on 127.0.0.1:$port ($datadir${mode:+, $mode mode})"
        if ! runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$datadir" -l "$logfile" -w -t 60 start >/dev/null; then
            tail -n 30 "$logfile" >&2 || true
            die "PostgreSQL did not start (log: $logfile)"
        fi
    fi

    _ensure_journal_role "$sockdir" "$port"
}

# stop_pg <datadir>: stops a private cluster (not used by run/test; for humans).
stop_pg() {
    local datadir="$1"
    [[ -f "$datadir/postmaster.pid" ]] || { log "not running: $datadir"; return 0; }
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$datadir" -m fast -w stop
}

_ensure_journal_role() {  # _ensure_journal_role <sockdir> <port>
    # Two roles, neither superuser nor BYPASSRLS: the owner of the tables could switch row-level
    # security or the history trigger off, so the application connects as a role that owns nothing.
    local sockdir="$1" port="$2"
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$sockdir" -p "$port" -U postgres -d postgres >/dev/null <<SQL
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$JOURNAL_DB_OWNER') THEN
        CREATE ROLE $JOURNAL_DB_OWNER LOGIN CREATEDB NOSUPERUSER NOBYPASSRLS PASSWORD '$JOURNAL_DB_OWNER_PASSWORD';
    ELSE
        ALTER ROLE $JOURNAL_DB_OWNER LOGIN CREATEDB NOSUPERUSER NOBYPASSRLS PASSWORD '$JOURNAL_DB_OWNER_PASSWORD';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$JOURNAL_DB_USER') THEN
        CREATE ROLE $JOURNAL_DB_USER LOGIN NOCREATEDB NOSUPERUSER NOBYPASSRLS PASSWORD '$JOURNAL_DB_PASSWORD';
    ELSE
        ALTER ROLE $JOURNAL_DB_USER LOGIN NOCREATEDB NOSUPERUSER NOBYPASSRLS PASSWORD '$JOURNAL_DB_PASSWORD';
    END IF;
END
\$\$;
SELECT 'CREATE DATABASE $JOURNAL_DB_NAME OWNER $JOURNAL_DB_OWNER'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$JOURNAL_DB_NAME')
\gexec
ALTER DATABASE $JOURNAL_DB_NAME OWNER TO $JOURNAL_DB_OWNER;
SQL
    # A cluster made before the split has the tables owned by the application role: hand them over.
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$sockdir" -p "$port" -U postgres -d "$JOURNAL_DB_NAME" >/dev/null \
        -c "REASSIGN OWNED BY $JOURNAL_DB_USER TO $JOURNAL_DB_OWNER"
}

# pg_connection <port> [database]: Npgsql connection string for role journal.
pg_connection() {
    local port="$1" db="${2:-$JOURNAL_DB_NAME}"
    printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Password=%s' \
        "$port" "$db" "$JOURNAL_DB_USER" "$JOURNAL_DB_PASSWORD"
}

# pg_owner_connection <port> [database]: the same for the owner role (migrations, test databases).
pg_owner_connection() {
    local port="$1" db="${2:-$JOURNAL_DB_NAME}"
    printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Password=%s' \
        "$port" "$db" "$JOURNAL_DB_OWNER" "$JOURNAL_DB_OWNER_PASSWORD"
}
