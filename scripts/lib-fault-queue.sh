# Shared by scripts/fault-worker-kill and scripts/fault-postgres-restart (sourced, not run).
# Expects NAME (the script's name) and BIN (the casefile binary); runs under scripts/with-postgres.
set -euo pipefail

fail() { echo "$NAME: FAILED: $*"; exit 1; }

STORE="$CASEFILE_TEST_POSTGRES"
psql_q() { "$CASEFILE_TEST_PGBIN/psql" "$STORE" -X -A -t -q -v ON_ERROR_STOP=1 -c "$1"; }

work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# A generated corpus, and the record `casefile ingest` makes of it in a SQLite store: what the
# workers must end with.
prepare() {
  local docs="$1"
  timeout 300 "$BIN" generate --docs "$docs" --seed 8 --out "$work/docs" 2>"$work/generate.err" ||
    { cat "$work/generate.err"; fail "casefile generate"; }
  timeout 600 "$BIN" --store "$work/sqlite" ingest "$work/docs" 2>"$work/ingest.err" ||
    { tail -n 3 "$work/ingest.err"; fail "casefile ingest (the reference)"; }
  timeout 120 "$BIN" --store "$work/sqlite" export >"$work/want.json" || fail "export (the reference)"
  timeout 300 "$BIN" --store "$STORE" enqueue "$work/docs" 2>"$work/enqueue.err" ||
    { cat "$work/enqueue.err"; fail "casefile enqueue"; }
}

# worker NAME [ENV=VALUE...] [-- ARGS...]: starts a worker in the background; its pid is in
# $last_pid.
worker() {
  local name="$1"
  shift
  local envs=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  env "${envs[@]}" "$BIN" --store "$STORE" worker --until-empty --name "$name" "$@" \
    >/dev/null 2>"$work/$name.err" &
  last_pid=$!
  pids+=("$last_pid")
}

# The checks every run ends with: every document stored once, every job done, none failed or
# waiting, and the record equal (up to list order) to the reference.
check_record() {
  local docs="$1"
  local stored distinct queued done failed
  stored=$(psql_q "SELECT COUNT(*) FROM documents")
  distinct=$(psql_q "SELECT COUNT(DISTINCT id) FROM documents")
  queued=$(psql_q "SELECT COUNT(*) FROM queue WHERE state = 'queued'")
  done=$(psql_q "SELECT COUNT(*) FROM queue WHERE state = 'done'")
  failed=$(psql_q "SELECT COUNT(*) FROM queue WHERE state = 'failed'")
  echo "documents stored $stored ($distinct distinct); jobs done $done, waiting $queued, failed $failed"
  [ "$stored" -eq "$docs" ] || fail "$stored documents stored, expected $docs"
  [ "$distinct" -eq "$docs" ] || fail "duplicated documents"
  [ "$done" -eq "$docs" ] && [ "$queued" -eq 0 ] && [ "$failed" -eq 0 ] ||
    fail "jobs: $done done, $queued waiting, $failed failed"
  timeout 120 "$BIN" --store "$STORE" --local "$work/local" export >"$work/got.json" ||
    fail "export from PostgreSQL"
  python3 - "$work/got.json" "$work/want.json" <<'PY' || fail "the record differs from casefile ingest's"
import json, sys
def canon(v):
    if isinstance(v, list):
        return sorted((canon(x) for x in v), key=lambda x: json.dumps(x, sort_keys=True))
    if isinstance(v, dict):
        return {k: canon(x) for k, x in v.items()}
    return v
got, want = (canon(json.load(open(p))) for p in sys.argv[1:3])
if got != want:
    for key in want:
        if got.get(key) != want[key]:
            print(f"differs in {key}: {len(got.get(key) or [])} vs {len(want[key])} items")
    sys.exit(1)
print(f"record equal to casefile ingest's: {len(got['documents'])} documents, "
      f"{len(got['entities'])} entities, {len(got['events'])} events")
PY
}
