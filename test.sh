#!/usr/bin/env bash
# Runs the whole test suite, as CI does. Installs Debian's Chromium for the browser tests when it is missing
# (the tests drive /usr/bin/chromium; Playwright cannot download a browser here). Ends with "N passed, M failed".
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the browser tests (apt)..."
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

results="$(pwd)/TestResults"
rm -rf "$results"

status=0
dotnet test MentorDashboard.sln \
  --logger "trx;LogFileName=results.trx" \
  --logger "console;verbosity=normal" \
  --results-directory "$results" || status=$?

trx="$results/results.trx"
if [ ! -f "$trx" ]; then
  echo "0 passed, 1 failed"
  echo "No test results were written (the build or the test host failed)." >&2
  exit 1
fi

counters=$(grep -o '<Counters [^>]*>' "$trx")
passed=$(echo "$counters" | sed -E 's/.* passed="([0-9]+)".*/\1/')
failed=$(echo "$counters" | sed -E 's/.* failed="([0-9]+)".*/\1/')
echo "$passed passed, $failed failed"

if [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
exit "$status"
