#!/usr/bin/env bash
# The project's test command (README quick start): full Maven build with every module's tests.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"
source "$root/scripts/find-jdk.sh"
if [ ! -d "$root/../shared/vectors" ]; then
  echo "test.sh: ../shared/vectors not found beside the checkout; the conformance tests need it." >&2
  exit 2
fi
exec mvn -B ${CI:+-ntp} verify "$@"
