#!/usr/bin/env bash
# Every test of the repository, as CI runs them:
#   1. scripts/setup.sh: Debian's chromium and Jupyter, plotly.js from npm, the pinned dotnet-interactive tool;
#   2. dotnet test: the library's tests, the notebook tests (every notebook executed on the in-process kernel,
#      its saved text outputs compared with the fresh run, hygiene) and the static-chart tests;
#   3. scripts/check-apps.sh: every notebook's file-based app (notebooks/apps) built and run, its console text
#      compared with the notebook's saved outputs cell by cell, its charts with the notebook's charts;
#   4. scripts/jupyter-execute.sh: every notebook executed by Jupyter on the .net-csharp kernel, as Binder
#      runs it, exported to HTML (formulas typeset by a local MathJax) and checked in headless chromium.
#
# Usage: scripts/test.sh [--help]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
exit_on_help "$@"
start=$SECONDS
scripts/setup.sh
dotnet test WeightInitNotebooks.sln -c Release
t0=$SECONDS
scripts/check-apps.sh
echo "test.sh: apps checked in $((SECONDS - t0)) s"
scripts/jupyter-execute.sh
echo "test.sh: all tests passed in $((SECONDS - start)) s"
