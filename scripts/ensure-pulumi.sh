#!/usr/bin/env bash
# ensure-pulumi.sh — make the real `pulumi` CLI, a Node.js language host and the
# dynamic-provider launcher available to tests, without downloading release
# binaries (only the Go module proxy is reachable on this project's machines).
#
#   PATH="$(bash scripts/ensure-pulumi.sh | tail -1):$PATH"
#
# The last line of stdout is a directory containing:
#   pulumi                          built from github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
#                                   at the version pinned in tools/pulumi/go.mod
#   pulumi-language-nodejs          built from tools/pulumi/cmd/pulumi-language-nodejs
#                                   (the upstream host's module is not on the proxy)
#   pulumi-resource-pulumi-nodejs   launcher for pulumi.dynamic providers
#   pulumi-language-yaml            `go install`ed from github.com/pulumi/pulumi-yaml at
#                                   $PULUMI_YAML_VERSION (YAML programs: the plugin's specs)
# All progress messages go to stderr.
#
# Idempotent: if a usable pulumi (>= PULUMI_MIN_VERSION, with its nodejs language
# host and dynamic-provider launcher) is already on PATH, its directory is printed
# and nothing is built. Otherwise binaries are built once into
#   ${PULUMI_ENGINE_CACHE:-$HOME/.cache/pulumi-customer-profiles-integration/engine}/<version>/bin
# and reused while tools/pulumi's go.mod/go.sum (and the host's source) are unchanged.
#
# Environment:
#   PULUMI_ENGINE_CACHE      cache root (default above)
#   PULUMI_ENSURE_FORCE_BUILD=1   ignore any pulumi on PATH, use/build the pinned one
#   PULUMI_MIN_VERSION       minimum acceptable ambient version (default 3.181.0,
#                            the first with the automation API's --client support)
# A cold build takes ~11-12 min on 2 cores (the CLI is a large Go program); with a
# warm Go build cache (~/.cache/go-build) it is ~20 s. Needs Go >= the go line
# of tools/pulumi/go.mod and, for the tests, node on PATH.
set -euo pipefail

log() { printf 'ensure-pulumi: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$REPO_ROOT/tools/pulumi"
[ -f "$TOOLS_DIR/go.mod" ] || die "missing $TOOLS_DIR/go.mod"

PULUMI_VERSION="$(awk '$1 == "github.com/pulumi/pulumi/pkg/v3" && $2 ~ /^v/ { print $2; exit }' "$TOOLS_DIR/go.mod")"
[ -n "$PULUMI_VERSION" ] || die "could not read the github.com/pulumi/pulumi/pkg/v3 version from $TOOLS_DIR/go.mod"
MIN_VERSION="${PULUMI_MIN_VERSION:-3.181.0}"

# version_ge A B: true if dotted version A >= B (leading "v" and pre-release suffixes ignored).
version_ge() {
  local a="${1#v}" b="${2#v}"
  a="${a%%[-+]*}"; b="${b%%[-+]*}"
  [ "$(printf '%s\n%s\n' "$b" "$a" | sort -t. -k1,1n -k2,2n -k3,3n | head -1)" = "$b" ]
}

# find_tool NAME DIR: NAME next to the pulumi binary (where the engine looks for
# bundled plugins) or else on PATH.
find_tool() {
  if [ -x "$2/$1" ]; then printf '%s\n' "$2/$1"; else command -v "$1" 2>/dev/null || true; fi
}

# ---- 1. a usable pulumi already on PATH? -----------------------------------
if [ "${PULUMI_ENSURE_FORCE_BUILD:-}" != "1" ] && ambient="$(command -v pulumi 2>/dev/null)"; then
  ambient_dir="$(cd "$(dirname "$(readlink -f "$ambient")")" && pwd)"
  ambient_version="$(PULUMI_SKIP_UPDATE_CHECK=true "$ambient" version 2>/dev/null | tail -1 || true)"
  if [[ "$ambient_version" =~ ^v?3\.[0-9]+\.[0-9]+ ]] && version_ge "$ambient_version" "$MIN_VERSION" \
    && [ -n "$(find_tool pulumi-language-nodejs "$ambient_dir")" ] \
    && [ -n "$(find_tool pulumi-resource-pulumi-nodejs "$ambient_dir")" ] \
    && [ -n "$(find_tool pulumi-language-yaml "$ambient_dir")" ]; then
    log "using pulumi $ambient_version from PATH ($ambient)"
    printf '%s\n' "$ambient_dir"
    exit 0
  fi
  log "ignoring pulumi on PATH ($ambient, version '${ambient_version:-unknown}'): need >= $MIN_VERSION with pulumi-language-nodejs, pulumi-resource-pulumi-nodejs and pulumi-language-yaml"
fi

# ---- 2. the pinned build in the cache ----------------------------------------
CACHE_ROOT="${PULUMI_ENGINE_CACHE:-$HOME/.cache/pulumi-customer-profiles-integration/engine}"
BIN_DIR="$CACHE_ROOT/$PULUMI_VERSION/bin"
mkdir -p "$BIN_DIR"

hash_files() { cat "$@" | sha256sum | cut -d' ' -f1; }
CLI_STAMP="$(hash_files "$TOOLS_DIR/go.mod" "$TOOLS_DIR/go.sum")"
HOST_SRC=("$TOOLS_DIR/go.mod" "$TOOLS_DIR/go.sum")
while IFS= read -r f; do HOST_SRC+=("$f"); done < <(find "$TOOLS_DIR/cmd/pulumi-language-nodejs" -name '*.go' | LC_ALL=C sort)
HOST_STAMP="$(hash_files "${HOST_SRC[@]}")"

up_to_date() { # up_to_date BINARY STAMP
  [ -x "$BIN_DIR/$1" ] && [ "$(cat "$BIN_DIR/.$1.stamp" 2>/dev/null || true)" = "$2" ]
}

# Serialize concurrent callers (parallel CI jobs) on the same cache.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE_ROOT/$PULUMI_VERSION/.lock"
  flock 9
fi

go_build() { # go_build NAME PACKAGE STAMP
  local name="$1" pkg="$2" stamp="$3" start tmp
  command -v go >/dev/null 2>&1 || die "Go is required to build $name (no prebuilt binaries can be downloaded here)"
  log "building $name $PULUMI_VERSION from $pkg into $BIN_DIR ..."
  [ "$name" != pulumi ] || log "(a cold build of the CLI takes ~11-12 minutes on 2 cores; ~20s with a warm Go build cache)"
  start=$(date +%s)
  tmp="$BIN_DIR/.$name.tmp.$$"
  # The pinned module needs go >= the go line of tools/pulumi/go.mod. The local
  # toolchain is used when new enough; otherwise Go may fetch one from the module proxy.
  (
    cd "$TOOLS_DIR"
    GOTOOLCHAIN="${GOTOOLCHAIN:-auto}" CGO_ENABLED="${CGO_ENABLED:-0}" \
      go build -mod=readonly -trimpath \
      -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION" \
      -o "$tmp" "$pkg"
  ) || { rm -f "$tmp"; die "go build of $name failed"; }
  mv -f "$tmp" "$BIN_DIR/$name"
  printf '%s\n' "$stamp" >"$BIN_DIR/.$name.stamp"
  log "built $name in $(( $(date +%s) - start ))s ($(du -h "$BIN_DIR/$name" | cut -f1))"
}

up_to_date pulumi "$CLI_STAMP" ||
  go_build pulumi github.com/pulumi/pulumi/pkg/v3/cmd/pulumi "$CLI_STAMP"
up_to_date pulumi-language-nodejs "$HOST_STAMP" ||
  go_build pulumi-language-nodejs ./cmd/pulumi-language-nodejs "$HOST_STAMP"

# The YAML language host is served by the Go module proxy as a module of its own.
YAML_VERSION="${PULUMI_YAML_VERSION:-v1.25.0}"
if ! up_to_date pulumi-language-yaml "$YAML_VERSION"; then
  command -v go >/dev/null 2>&1 || die "Go is required to build pulumi-language-yaml"
  log "installing pulumi-language-yaml $YAML_VERSION into $BIN_DIR ..."
  start=$(date +%s)
  (
    cd "$BIN_DIR"
    GOBIN="$BIN_DIR" GOTOOLCHAIN="${GOTOOLCHAIN:-auto}" CGO_ENABLED="${CGO_ENABLED:-0}" GOFLAGS=-trimpath \
      go install "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@$YAML_VERSION"
  ) || die "go install of pulumi-language-yaml failed"
  printf '%s\n' "$YAML_VERSION" >"$BIN_DIR/.pulumi-language-yaml.stamp"
  log "installed pulumi-language-yaml in $(( $(date +%s) - start ))s"
fi

# ---- 3. dynamic-provider launcher ----------------------------------------------
# Same job as the `pulumi-resource-pulumi-nodejs` script shipped in the
# @pulumi/pulumi npm package: run the SDK's dynamic-provider entry point resolved
# from the program directory (the engine starts plugins there). Written here
# because the engine must find it before any node_modules exist, next to `pulumi`.
LAUNCHER="$BIN_DIR/pulumi-resource-pulumi-nodejs"
LAUNCHER_TMP="$LAUNCHER.tmp.$$"
cat >"$LAUNCHER_TMP" <<'EOF'
#!/bin/sh
# Pulumi dynamic-provider plugin launcher (written by scripts/ensure-pulumi.sh).
# Resolves @pulumi/pulumi from the current directory (the Pulumi program), then
# from $PULUMI_NODEJS_PATH (a directory containing node_modules) and NODE_PATH.
script=$(node -e '
  const paths = [process.cwd()];
  if (process.env.PULUMI_NODEJS_PATH) paths.push(process.env.PULUMI_NODEJS_PATH);
  try { console.log(require.resolve("@pulumi/pulumi/cmd/dynamic-provider", { paths })); }
  catch (e) { console.log(require.resolve("@pulumi/pulumi/cmd/dynamic-provider")); }
' 2>/dev/null)
if [ -z "$script" ]; then
  echo "pulumi-resource-pulumi-nodejs: cannot resolve @pulumi/pulumi/cmd/dynamic-provider from $(pwd); run npm install" >&2
  exit 1
fi
exec node "$script" "$@"
EOF
chmod 0755 "$LAUNCHER_TMP"
if cmp -s "$LAUNCHER_TMP" "$LAUNCHER" 2>/dev/null; then rm -f "$LAUNCHER_TMP"; else mv -f "$LAUNCHER_TMP" "$LAUNCHER"; fi

log "pulumi $PULUMI_VERSION ready in $BIN_DIR"
printf '%s\n' "$BIN_DIR"
