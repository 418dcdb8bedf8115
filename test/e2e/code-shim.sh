#!/usr/bin/env bash
# Stands in for a VS Code executable so @vscode/test-electron's runTests() works without downloading VS Code
# (CONTRIBUTING.md, "The VS Code test harness"):  VSCODE_EXECUTABLE_PATH=test/e2e/code-shim.sh npm run test:integration
# Takes the arguments runTests() passes and hands the run to the code-server harness (run-integration.js).
set -euo pipefail

dev=''
tests=''
workspace=''
while (($# > 0)); do
	case "$1" in
		# The first is the extension under test; the harness installs the others (the LM test extensions) itself.
		--extensionDevelopmentPath=*) [[ -n "$dev" ]] || dev="${1#*=}" ;;
		--extensionDevelopmentPath) [[ -n "$dev" ]] || dev="${2:?}"; shift ;;
		--extensionTestsPath=*) tests="${1#*=}" ;;
		--extensionTestsPath) tests="${2:?}"; shift ;;
		--user-data-dir | --extensions-dir) shift ;; # a value follows; the harness uses fresh folders
		--*) ;;
		*) workspace="$1" ;;
	esac
	shift
done

[[ -n "$dev" ]] || { echo 'code-shim: missing --extensionDevelopmentPath' >&2; exit 2; }
[[ -n "$tests" ]] || { echo 'code-shim: missing --extensionTestsPath' >&2; exit 2; }
# VS Code accepts a module path without extension or a folder with index.js.
if [[ "$tests" != *.js && "$tests" != *.cjs ]]; then
	if [[ -f "$tests.js" ]]; then tests="$tests.js"
	elif [[ -f "$tests/index.js" ]]; then tests="$tests/index.js"
	fi
fi
[[ -f "$tests" ]] || { echo "code-shim: tests module $tests not found" >&2; exit 2; }

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
harness="$root/out/test/e2e/run-integration.js"
[[ -f "$harness" ]] || { echo "code-shim: $harness not found; run \`node esbuild.js\` first" >&2; exit 2; }

args=(--dev "$dev" --tests "$tests")
[[ -n "$workspace" ]] && args+=(--workspace "$workspace")
# The caller prints the summary; exec so signals reach the harness and its exit code is ours.
export CEKURA_HARNESS_NESTED=1
unset VSCODE_EXECUTABLE_PATH
exec node "$harness" "${args[@]}"
