#!/usr/bin/env bash
# Every test of the repository, as CI runs them:
#   1. scripts/setup.sh: Debian's chromium and Jupyter, plotly.js from npm, the pinned dotnet-interactive tool;
#   2. dotnet test: the library's tests, the notebook tests (every notebook executed on the in-process kernel,
#      its saved text outputs compared with the fresh run, hygiene) and the static-chart tests;
#   3. scripts/jupyter-execute.sh: every notebook executed by Jupyter on the .net-csharp kernel, as Binder
#      runs it, exported to HTML and checked in headless chromium.
#
# Usage: scripts/test.sh [--help]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
exit_on_help "$@"
start=$SECONDS
scripts/setup.sh
dotnet test WeightInitNotebooks.sln -c Release
scripts/jupyter-execute.sh
echo "test.sh: all tests passed in $((SECONDS - start)) s"
