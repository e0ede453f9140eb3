#!/usr/bin/env bash
# ensure-sdkgen.sh — build an SDK generator once, and print the path of the binary as the last
# line of stdout: tools/sdkgen (pkg/v3's Node.js, Python and Go generators at the engine's
# version; the default) or tools/sdkgen-dotnet (.NET's, from the last pkg/v3 that has it).
#
#   "$(bash scripts/ensure-sdkgen.sh [sdkgen|sdkgen-dotnet] | tail -1)" -schema S -language L -out DIR
#
# Cached in ${PULUMI_SDKGEN_CACHE:-$HOME/.cache/pulumi-customer-profiles-integration/sdkgen}/<hash>/
# where <hash> covers the tool's go.mod, go.sum and sources: a change rebuilds it, the next run
# of the same sources reuses it. A cold build takes ~5 minutes on 2 cores (a warm Go build
# cache: seconds). Progress goes to stderr.
set -euo pipefail

log() { printf 'ensure-sdkgen: %s\n' "$*" >&2; }

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOL="${1:-sdkgen}"
case "$TOOL" in sdkgen | sdkgen-dotnet) ;; *) log "error: unknown generator $TOOL"; exit 2 ;; esac
SRC="$REPO_ROOT/tools/$TOOL"
mapfile -t inputs < <(cd "$SRC" && find . -name '*.go' -o -name go.mod -o -name go.sum | LC_ALL=C sort)
HASH="$TOOL-$(cd "$SRC" && cat "${inputs[@]}" | sha256sum | cut -c1-16)"
DIR="${PULUMI_SDKGEN_CACHE:-$HOME/.cache/pulumi-customer-profiles-integration/sdkgen}/$HASH"
BIN="$DIR/pulumi-sdkgen"

if [ ! -x "$BIN" ]; then
  mkdir -p "$DIR"
  # One build per hash even when several callers start at once.
  if command -v flock >/dev/null 2>&1; then exec 9>"$DIR/.lock"; flock 9; fi
  if [ ! -x "$BIN" ]; then
    command -v go >/dev/null 2>&1 || { log "error: Go is required to build the SDK generator"; exit 1; }
    log "building pulumi-sdkgen from tools/$TOOL into $DIR (a cold build takes ~5 minutes) ..."
    start=$(date +%s)
    (cd "$SRC" && GOTOOLCHAIN="${GOTOOLCHAIN:-auto}" CGO_ENABLED=0 go build -mod=readonly -trimpath -ldflags "-s -w" -o "$BIN.tmp.$$" .) \
      || { rm -f "$BIN.tmp.$$"; log "error: go build of tools/$TOOL failed"; exit 1; }
    mv -f "$BIN.tmp.$$" "$BIN"
    log "built pulumi-sdkgen in $(( $(date +%s) - start ))s"
  fi
fi
printf '%s\n' "$BIN"
