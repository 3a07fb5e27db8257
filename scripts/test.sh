#!/usr/bin/env bash
# Every test of the repository, as CI runs them:
#   1. scripts/setup.sh: Debian's chromium and Jupyter, plotly.js from npm, the pinned dotnet-interactive tool;
#   2. dotnet test: the library's tests, the notebook tests (every notebook executed on the in-process kernel,
#      its saved text outputs compared with the fresh run, hygiene) and the static-chart tests;
#      then the library's tests twice more on narrower SIMD paths, switched off with the runtime's own knobs
#      (DOTNET_EnableAVX512=0: the AVX2 path; DOTNET_EnableAVX2=0 DOTNET_EnableAVX512=0: the 128-bit path),
#      so that every kernel's path runs natively and the bit-identity promises hold across all three (the tests
#      with trait Category=Reproduction, minutes of training that reproduce published accuracies, run once, on the
#      widest path: the 128-bit run has no hardware FMA, so its matrix products are emulated and far slower);
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
library_tests_on() {
  local label=$1
  shift
  quietly "library tests on the $label path ($*)" env "$@" dotnet test tests/WeightInit.Tests -c Release --no-build \
    --filter "Category!=Reproduction"
  echo "test.sh: library tests passed on the $label path ($*)"
}
library_tests_on AVX2 DOTNET_EnableAVX512=0
library_tests_on 128-bit DOTNET_EnableAVX2=0 DOTNET_EnableAVX512=0
t0=$SECONDS
scripts/check-apps.sh
echo "test.sh: apps checked in $((SECONDS - t0)) s"
scripts/jupyter-execute.sh
echo "test.sh: all tests passed in $((SECONDS - start)) s"
