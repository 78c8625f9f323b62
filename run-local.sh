#!/usr/bin/env bash
# ChipCast locally, no Docker and no AWS account:
#   ./run-local.sh [--port 3000]                                          serve the explorer and the API
#   ./run-local.sh invoke ChipSpecFunction --event events/get-chip.json   invoke one function, like `sam local invoke`
#   ./run-local.sh dataset-hash                                           the DatasetSha256 template.yaml must carry
# It builds the functions, starts dynalite (unless DYNAMODB_ENDPOINT is set), creates the tables from
# template.yaml, seeds the bundled dataset and routes requests to the same handler classes as Lambda.
set -euo pipefail

usage() {
  printf '%s\n' \
    "usage: ./run-local.sh [--port N]                           serve the explorer and the API on http://localhost:N (default 3000)" \
    "       ./run-local.sh invoke FunctionId --event FILE       one invocation of a function with an event file" \
    "       ./run-local.sh dataset-hash                         print the SHA-256 of data/*.json (template.yaml's DatasetSha256)" \
    "Needs JDK 17+, Maven 3.8+ and Node.js 20+ (the explorer's build and dynalite; DYNAMODB_ENDPOINT=URL uses another store)."
}

# Arguments are checked before anything is built, with bash alone: a typo answers at once (RunLocalScriptTest).
case "$0" in */*) here="${0%/*}" ;; *) here=. ;; esac

# The AWS::Serverless::Function resources of template.yaml, one id a line.
function_ids() {
  local id="" line
  while IFS= read -r line; do
    if [[ "$line" =~ ^\ \ ([A-Za-z0-9]+):[[:space:]]*$ ]]; then
      id="${BASH_REMATCH[1]}"
    elif [[ -n "$id" && "$line" =~ ^\ \ \ \ Type:\ AWS::Serverless::Function[[:space:]]*$ ]]; then
      echo "$id"; id=""
    elif [[ "$line" =~ ^\ \ \ \ [A-Za-z] ]]; then
      id=""
    fi
  done < "$here/template.yaml"
}

args=()
mode=serve
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --port)
      [ $# -gt 1 ] && [[ "$2" =~ ^[0-9]+$ ]] && [ "$2" -ge 1 ] && [ "$2" -le 65535 ] \
        || { echo "run-local.sh: --port needs a port number from 1 to 65535" >&2; usage >&2; exit 2; }
      args+=("--port" "$2"); shift 2 ;;
    --event)
      [ $# -gt 1 ] || { echo "run-local.sh: --event needs a file" >&2; exit 2; }
      # resolve the event file against the caller's directory before we change into the project
      case "$2" in /*) ev="$2" ;; *) ev="$PWD/$2" ;; esac
      [ -f "$ev" ] || { echo "run-local.sh: no event file $2" >&2; exit 2; }
      args+=("--event" "$ev"); shift 2 ;;
    invoke)
      [ "$mode" = serve ] && [ ${#args[@]} -eq 0 ] || { usage >&2; exit 2; }
      mode=invoke; args+=("invoke"); shift
      [ $# -gt 0 ] && [[ "$1" != -* ]] || { echo "run-local.sh: invoke needs a function id, e.g. ChipSpecFunction" >&2; exit 2; }
      functions=" $(function_ids | while IFS= read -r f; do printf '%s ' "$f"; done)"
      [[ "$functions" == *" $1 "* ]] || { echo "run-local.sh: no function '$1' in template.yaml; functions:$functions" >&2; exit 2; }
      args+=("$1"); shift ;;
    dataset-hash)
      [ $# -eq 1 ] && [ ${#args[@]} -eq 0 ] || { usage >&2; exit 2; }
      mode=hash; shift ;;
    *) echo "run-local.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
if [ "$mode" = invoke ] && [[ " ${args[*]} " != *" --event "* ]]; then
  echo "run-local.sh: invoke needs --event FILE" >&2; exit 2
fi

cd "$here"

need() { command -v "$1" >/dev/null 2>&1 || { echo "[chipcast] $1 is not installed: $2" >&2; exit 1; }; }
need java "install a JDK 17 or later (e.g. apt-get install openjdk-17-jdk)"
need mvn "install Apache Maven 3.8 or later (e.g. apt-get install maven)"
# Node.js builds the explorer (part of the package) and runs dynalite, the local DynamoDB.
need node "install Node.js 20 or later (https://nodejs.org, or apt-get install nodejs npm): it builds the explorer and runs dynalite, the local DynamoDB."
need npm "install npm (it comes with Node.js 20 or later)"
if [ "$mode" != hash ] && [ -z "${DYNAMODB_ENDPOINT:-}" ]; then
  if [ ! -f node_modules/dynalite/cli.js ]; then
    echo "[chipcast] installing dynalite (npm ci, pinned by package-lock.json) ..." >&2
    npm ci --no-audit --no-fund --loglevel=error >&2
  fi
fi

echo "[chipcast] building the functions (mvn package) ..." >&2
# Debian's Maven 3.8 prints colour resets even in batch mode: strip them (pipefail keeps mvn's status).
mvn -q -B -Dstyle.color=never -DskipTests package 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2

cp="local/target/classes:$(cat local/target/classpath.txt)"
if [ "$mode" = hash ]; then
  exec java -Dchipcast.root="$PWD" -cp "$cp" chipcast.local.DatasetHash
fi
# nodelay is read once, when the JDK's HTTP server loads: without it each answer waits out a delayed ACK.
exec java -Dsun.net.httpserver.nodelay=true -Dchipcast.root="$PWD" -cp "$cp" chipcast.local.Main ${args[@]+"${args[@]}"}
