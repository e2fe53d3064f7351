#!/usr/bin/env bash
# Builds and serves Journal on http://localhost:5000 against a private PostgreSQL 15
# cluster (no Docker needed). Safe to run again: the cluster is reused, migrations and
# demo seeding are idempotent.
#
# Environment (all optional):
#   PORT                       HTTP port                          (default 5000)
#   HOST                       address to listen on (default 127.0.0.1; 0.0.0.0 opens it to the network)
#   ASPNETCORE_ENVIRONMENT     ASP.NET Core environment           (default Production)
#   ConnectionStrings__Journal use this database instead of the private cluster
#   ConnectionStrings__JournalOwner  the schema owner's connection for migrations (optional)
#   JOURNAL_PG_DIR / JOURNAL_PG_PORT   private cluster folder / port (see scripts/lib.sh)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$JOURNAL_ROOT"

PORT="${PORT:-5000}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
WEB_DIR="$JOURNAL_ROOT/src/Journal.Web"
WEB_PROJECT="$WEB_DIR/Journal.Web.csproj"
T_START=$EPOCHREALTIME

ensure_dotnet
timed "packages" ensure_packages postgresql fonts-paratype curl

if [[ -n ${ConnectionStrings__Journal:-} ]]; then
    log "using ConnectionStrings__Journal from the environment (private cluster not started)"
else
    timed "postgres" start_pg "$JOURNAL_PG_DIR/data" "$JOURNAL_PG_PORT"
    ConnectionStrings__Journal="$(pg_connection "$JOURNAL_PG_PORT")"
    ConnectionStrings__JournalOwner="$(pg_owner_connection "$JOURNAL_PG_PORT")"
    export ConnectionStrings__JournalOwner
fi
export ConnectionStrings__Journal

if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/"; then
    die "something already answers on port $PORT (an earlier run.sh still serving?). Stop it or set PORT."
fi

timed "build (Release)" dotnet build "$WEB_PROJECT" -c Release -nologo -v quiet -clp:NoSummary

# The usual output path; ask MSBuild only if the layout was changed (e.g. artifacts output).
DLL="$WEB_DIR/bin/Release/net10.0/Journal.Web.dll"
if [[ ! -f $DLL ]]; then
    DLL="$(dotnet msbuild "$WEB_PROJECT" -nologo -p:Configuration=Release -getProperty:TargetPath)"
fi
[[ -f $DLL ]] || die "build output not found: $DLL"

# Content root = project folder (appsettings*.json, wwwroot).
cd "$WEB_DIR"
timed "migrate + seed" dotnet "$DLL" migrate

URL="http://localhost:$PORT"
total_ms=$(( (10#${EPOCHREALTIME//[.,]/} - 10#${T_START//[.,]/}) / 1000 ))
printf '==> %-24s %4d.%03d s\n' "ready to start" $((total_ms / 1000)) $((total_ms % 1000)) >&2

# Announce once the app actually answers (the app itself replaces this shell below).
(
    for _ in $(seq 1 120); do
        if curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/"; then
            cat >&2 <<EOF

    Journal is up:  $URL   (environment: $ASPNETCORE_ENVIRONMENT)
    Demo password for every demo account:  Demo-Pass-2026
    Database: ${ConnectionStrings__Journal%%;Password=*}
    Stop with Ctrl+C.

EOF
            exit 0
        fi
        sleep 0.5
    done
    warn "the app did not answer on $URL within 60 s"
) &

log "serving on $URL"
exec dotnet "$DLL" --urls "http://${HOST:-127.0.0.1}:$PORT"
