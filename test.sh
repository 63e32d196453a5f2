#!/usr/bin/env bash
# The project's test command (README quick start): full Maven build with every module's tests.
# It starts what the tests need on loopback (PostgreSQL for the shared job queue); under CI=true
# a missing prerequisite fails the run instead of skipping tests.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"
source "$root/scripts/find-jdk.sh"
if [ ! -d "$root/../shared/vectors" ]; then
  echo "test.sh: ../shared/vectors not found beside the checkout; the conformance tests need it." >&2
  exit 2
fi
# Sandbox tests need bubblewrap, qemu and a guest kernel (from Debian's packages; root only).
if [ "$(id -u)" -eq 0 ]; then
  if ! scripts/ci-sandbox-deps.sh >&2; then
    [ -n "${CI:-}" ] && { echo "test.sh: could not install the sandbox test dependencies (see above)." >&2; exit 1; }
    echo "test.sh: WARNING: sandbox dependencies missing; those tests will fail." >&2
  fi
elif [ -n "${CI:-}" ]; then
  echo "test.sh: CI must run as root to install the sandbox test dependencies." >&2
  exit 1
fi
if pg_env=$(scripts/ci-postgres.sh start); then
  eval "$pg_env"
elif [ -n "${CI:-}" ]; then
  echo "test.sh: could not start PostgreSQL for the store tests (see above)." >&2
  exit 1
else
  echo "test.sh: WARNING: PostgreSQL unavailable; its tests will be reported as skipped." >&2
fi
exec mvn -B ${CI:+-ntp} verify "$@"
