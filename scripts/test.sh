#!/usr/bin/env bash
# Runs every test in Journal.sln against a private, throw-away-speed PostgreSQL cluster
# (separate from the demo one) and Debian Chromium. Extra arguments go to `dotnet test`,
# e.g.  scripts/test.sh --filter "FullyQualifiedName~Printing"
#
# Last line of output is always exactly:  N passed, N failed
#
# Environment (all optional):
#   JOURNAL_TEST_PG_DIR / JOURNAL_TEST_PG_PORT  test cluster folder / port (see scripts/lib.sh)
#   JOURNAL_TEST_VERBOSITY                      console logger verbosity (default normal)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$JOURNAL_ROOT"

RESULTS="$JOURNAL_ROOT/TestResults"
T_START=$EPOCHREALTIME

ensure_dotnet
timed "packages" ensure_packages postgresql chromium fonts-paratype poppler-utils python3-openpyxl
timed "test postgres" start_pg "$JOURNAL_TEST_PG_DIR/data" "$JOURNAL_TEST_PG_PORT" test

# Role journal (not a superuser, so row-level security applies), database postgres:
# the test fixture creates its own database and drops it afterwards.
JOURNAL_TEST_CONNECTION="$(pg_connection "$JOURNAL_TEST_PG_PORT" postgres)"
JOURNAL_TEST_OWNER_CONNECTION="$(pg_owner_connection "$JOURNAL_TEST_PG_PORT" postgres)"
JOURNAL_CHROMIUM="${JOURNAL_CHROMIUM:-/usr/bin/chromium}"
JOURNAL_SCREENSHOTS="${JOURNAL_SCREENSHOTS:-$RESULTS/screenshots}"
export JOURNAL_TEST_CONNECTION JOURNAL_TEST_OWNER_CONNECTION JOURNAL_CHROMIUM JOURNAL_SCREENSHOTS
[[ -x $JOURNAL_CHROMIUM ]] || die "Chromium not found at $JOURNAL_CHROMIUM"

rm -rf "$RESULTS"
mkdir -p "$RESULTS"

log "dotnet test Journal.sln -c Release $*"
t0=$EPOCHREALTIME
test_rc=0
# One .trx per test project. No fixed LogFileName on purpose: with a solution every
# project would overwrite the same file; the default names get a [n] suffix on clashes.
dotnet test Journal.sln -c Release -nologo \
    --results-directory "$RESULTS" \
    --logger trx \
    --logger "console;verbosity=${JOURNAL_TEST_VERBOSITY:-normal}" \
    "$@" || test_rc=$?
ms=$(( (10#${EPOCHREALTIME//[.,]/} - 10#${t0//[.,]/}) / 1000 ))
printf '==> %-24s %4d.%03d s\n' "dotnet test" $((ms / 1000)) $((ms % 1000)) >&2

# Sum the <Counters .../> of every .trx. error/timeout/aborted count as failed.
passed=0
failed=0
trx_count=0
while IFS= read -r -d '' trx; do
    trx_count=$((trx_count + 1))
    counters=$(tr '\n' ' ' < "$trx" | grep -o '<Counters [^>]*>' | head -n1 || true)
    if [[ -z $counters ]]; then
        warn "no <Counters> in $trx (test run aborted?)"
        failed=$((failed + 1))
        continue
    fi
    attr() { grep -o " $1=\"[0-9]*\"" <<<"$counters" | grep -o '[0-9]\+' || echo 0; }
    p=$(attr passed); f=$(attr failed); e=$(attr error); t=$(attr timeout); a=$(attr aborted)
    log "$(basename "$trx"): passed=$p failed=$f error=$e timeout=$t aborted=$a"
    passed=$((passed + p))
    failed=$((failed + f + e + t + a))
done < <(find "$RESULTS" -name '*.trx' -print0 | sort -z)

total_ms=$(( (10#${EPOCHREALTIME//[.,]/} - 10#${T_START//[.,]/}) / 1000 ))
printf '==> %-24s %4d.%03d s (%d result files in %s)\n' "total" \
    $((total_ms / 1000)) $((total_ms % 1000)) "$trx_count" "${RESULTS#"$JOURNAL_ROOT"/}" >&2

rc=0
if [[ $test_rc -ne 0 ]]; then
    warn "dotnet test exited with $test_rc"
    rc=$test_rc
    # A build error or a crashed test host leaves no failed test behind: count it, so the last
    # line never reads "0 failed" for a run that failed.
    if [[ $failed -eq 0 ]]; then failed=1; fi
fi
if [[ $failed -gt 0 ]]; then rc=1; fi
if [[ $passed -eq 0 ]]; then
    warn "no passed tests found"
    rc=1
fi

# Must stay the very last line of output (stdout).
echo "$passed passed, $failed failed"
exit "$rc"
