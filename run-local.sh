#!/usr/bin/env bash
# ChipCast locally, no Docker and no AWS account:
#   ./run-local.sh [--port 3000]                                  serve the API on http://localhost:3000
#   ./run-local.sh invoke ChipSpecFunction --event events/get-chip.json   invoke one function, like `sam local invoke`
# It builds the functions, starts dynalite (unless DYNAMODB_ENDPOINT is set), creates the tables from
# template.yaml, seeds the bundled dataset and routes requests to the same handler classes as Lambda.
set -euo pipefail

args=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--event" ] && [ $# -gt 1 ]; then
    # resolve the event file against the caller's directory before we change into the project
    case "$2" in /*) ev="$2" ;; *) ev="$PWD/$2" ;; esac
    args+=("--event" "$ev"); shift 2
  else
    args+=("$1"); shift
  fi
done

cd "$(dirname "$0")"

need() { command -v "$1" >/dev/null 2>&1 || { echo "[chipcast] $1 is not installed: $2" >&2; exit 1; }; }
need java "install a JDK 17 or later (e.g. apt-get install openjdk-17-jdk)"
need mvn "install Apache Maven 3.8 or later (e.g. apt-get install maven)"
if [ -z "${DYNAMODB_ENDPOINT:-}" ]; then
  need node "install Node.js 20 or later (https://nodejs.org, or apt-get install nodejs npm): it runs dynalite, the local DynamoDB. Or set DYNAMODB_ENDPOINT to a running DynamoDB-compatible endpoint."
  need npm "install npm (it comes with Node.js 20 or later)"
  if [ ! -f node_modules/dynalite/cli.js ]; then
    echo "[chipcast] installing dynalite (npm ci, pinned by package-lock.json) ..." >&2
    npm ci --no-audit --no-fund --loglevel=error >&2
  fi
fi

echo "[chipcast] building the functions (mvn package) ..." >&2
mvn -q -B -Dstyle.color=never -DskipTests package >&2

exec java -Dchipcast.root="$PWD" -jar local/target/chipcast-local.jar ${args[@]+"${args[@]}"}
