#!/usr/bin/env bash
# plugin-tarball.sh — the provider plugin as a tarball that `pulumi plugin install --file` takes:
# the executable pulumi-resource-customer-profiles-integration at its root, and beside it the
# npm package installed with its production dependencies and @pulumi/pulumi. Runs on any
# platform with Node.js >= 22.12 on PATH (the plugin is JavaScript; no native module).
#
#   bash scripts/plugin-tarball.sh [OUT_DIR]      (npm run plugin:pack; default OUT_DIR: dist/plugin)
#   pulumi plugin install resource customer-profiles-integration <version> --file <printed path>
#
# PLUGIN_PACKAGE=<file.tgz> uses that `npm pack` output instead of packing this checkout.
# PLUGIN_PLATFORMS="linux-amd64 darwin-arm64 ..." also writes the same tarball under each of those
# platforms' names, for a release that `pulumi plugin install --server URL` downloads from (the
# engine asks for its own platform's name; the contents run wherever Node.js does, Windows aside).
# The last line of stdout is the tarball's path (this platform's); progress goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf 'plugin-tarball: %s\n' "$*" >&2; }

NAME=customer-profiles-integration
EXE="pulumi-resource-$NAME"
VERSION="$(node -p 'require("./package.json").version')"
PULUMI_SDK="$(node -p 'require("./package.json").devDependencies["@pulumi/pulumi"]')"
OUT="$(mkdir -p "${1:-dist/plugin}" && cd "${1:-dist/plugin}" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

package="${PLUGIN_PACKAGE:-}"
if [ -z "$package" ]; then
  log "npm pack (builds the package) ..."
  npm pack --silent --pack-destination "$work" >&2
  package="$(ls "$work"/*.tgz)"
fi

stage="$work/plugin"
mkdir -p "$stage"
printf '{ "private": true, "description": "The %s provider plugin and what it runs on" }\n' "$NAME" >"$stage/package.json"
log "installing $(basename "$package") and @pulumi/pulumi@$PULUMI_SDK (production dependencies only) ..."
(cd "$stage" && npm install --silent --omit=dev --no-audit --no-fund --no-package-lock "$package" "@pulumi/pulumi@$PULUMI_SDK" >&2)

cat >"$stage/$EXE" <<'SH'
#!/bin/sh
# The customer-profiles-integration provider plugin, as `pulumi plugin install` unpacked it: the
# engine starts this file; Node.js (>= 22.12, from PATH) runs the package installed beside it.
dir=$(cd "$(dirname "$0")" && pwd)
exec node "$dir/node_modules/pulumi-customer-profiles-integration/bin/pulumi-resource-customer-profiles-integration" "$@"
SH
chmod 0755 "$stage/$EXE"

os="$(uname -s | tr '[:upper:]' '[:lower:]')"
arch="$(uname -m)"; case "$arch" in x86_64) arch=amd64 ;; aarch64) arch=arm64 ;; esac
# The name the engine asks a plugin server for: pulumi-resource-<name>-v<version>-<os>-<arch>.tar.gz.
tarball="$OUT/$EXE-v$VERSION-$os-$arch.tar.gz"
tar -czf "$tarball.tmp" -C "$stage" .
mv -f "$tarball.tmp" "$tarball"
for platform in ${PLUGIN_PLATFORMS:-}; do
  [ "$platform" = "$os-$arch" ] || cp -f "$tarball" "$OUT/$EXE-v$VERSION-$platform.tar.gz"
done
log "wrote $tarball ($(du -h "$tarball" | cut -f1), $(find "$stage" -type f | wc -l) files)"
printf '%s\n' "$tarball"
