#!/usr/bin/env bash
# ci-sdks.sh — CI for the plugin's SDKs: each one is what the schema generates (no drift), and
# each one compiles. Prints one line per SDK, "sdk <language>: ok|FAIL|skipped (why)", and exits
# non-zero when any check failed (a skipped one does not fail the run).
#
#   bash scripts/ci-sdks.sh            (Node 22 and Go on PATH, node_modules installed)
#
# Caches under ~/.cache/pulumi-customer-profiles-integration: the SDK generator (ensure-sdkgen.sh)
# and a Python venv with the `pulumi` package (sdk-venv/), when PyPI can be reached.
set -uo pipefail
cd "$(dirname "$0")/.."
CACHE="${PCPI_CACHE:-$HOME/.cache/pulumi-customer-profiles-integration}"
status=0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# check NAME COMMAND...: runs COMMAND with its output kept in a log, shown only on failure.
check() {
  local name="$1" start=$SECONDS log="$work/$1.log"; shift
  if "$@" >"$log" 2>&1; then
    echo "sdk $name: ok ($((SECONDS - start))s)"
  else
    echo "sdk $name: FAIL ($((SECONDS - start))s)"; sed 's/^/    /' "$log" | tail -n 40; status=1
  fi
}

# Drift: regenerate every SDK from provider/plugin/schema.generated.json and compare.
check drift npx ts-node --transpile-only scripts/generate-sdks.ts --check

# TypeScript: sdk/plugin compiled with the package's own tsc and tsconfig (as `npm run build` does).
typescript() {
  printf '{ "extends": "%s/tsconfig.build.json", "compilerOptions": { "noEmit": true, "typeRoots": ["%s/node_modules/@types"] }, "include": ["%s/sdk/plugin"] }\n' \
    "$PWD" "$PWD" "$PWD" >"$work/tsconfig.json"
  npx tsc -p "$work/tsconfig.json"
}
check typescript typescript

# Python: byte-compile every module; with the `pulumi` package (PyPI) also import the SDK.
python_venv() {
  local venv="$CACHE/sdk-venv"
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv" || return 1
  "$venv/bin/python" -c 'import pulumi' 2>/dev/null && return 0
  "$venv/bin/pip" install --quiet --retries 1 --timeout 20 'pulumi>=3.150.0,<4' >&2
}
python_sdk() {
  # A copy is compiled, so that no __pycache__ is left in the checkout.
  cp -r sdks/python "$work/py" && python3 -m compileall -q -f "$work/py" || return 1
  echo "byte-compiled $(find "$work/py" -name '*.py' | wc -l) modules"
  if python_venv 2>"$work/pip.log"; then
    (cd "$work/py" && "$CACHE/sdk-venv/bin/python" -c 'import pulumi_customer_profiles_integration as p; assert p.Integration and p.Provider') || return 1
    echo "imported pulumi_customer_profiles_integration with pulumi $("$CACHE/sdk-venv/bin/python" -c 'import importlib.metadata as m; print(m.version("pulumi"))')"
  else
    echo "NOTE: the pulumi package could not be installed from PyPI (unreachable here), so the SDK was byte-compiled, not imported:"
    tail -n 2 "$work/pip.log"
  fi
}
python_line() {
  local start=$SECONDS
  if python_sdk >"$work/python.log" 2>&1; then
    if grep -q '^NOTE:' "$work/python.log"; then
      echo "sdk python: ok, byte-compiled only: PyPI unreachable, the pulumi package not installed ($((SECONDS - start))s)"
    else
      echo "sdk python: ok, byte-compiled and imported ($((SECONDS - start))s)"
    fi
  else
    echo "sdk python: FAIL ($((SECONDS - start))s)"; sed 's/^/    /' "$work/python.log" | tail -n 40; status=1
  fi
}
python_line

# Go: the module builds against github.com/pulumi/pulumi/sdk/v3 at the engine's version (tools/pulumi/go.mod).
go_sdk() {
  local version
  version="$(awk '$1 == "github.com/pulumi/pulumi/sdk/v3" { print $2; exit }' tools/pulumi/go.mod)"
  cp -r sdks/go "$work/go" && cd "$work/go" &&
    go mod edit -require "github.com/pulumi/pulumi/sdk/v3@$version" && go mod tidy && go build ./... && go vet ./...
}
check go go_sdk

# .NET: no generator in pkg/v3 at the engine's version (it moved to pulumi-dotnet, whose module
# the Go proxy does not serve), and no dotnet SDK on this machine.
if command -v dotnet >/dev/null 2>&1; then
  echo "sdk dotnet: skipped (not generated: pkg/v3 has no .NET generator at the engine's version)"
else
  echo "sdk dotnet: skipped (not generated: pkg/v3 has no .NET generator at the engine's version; no dotnet on this machine)"
fi

exit "$status"
