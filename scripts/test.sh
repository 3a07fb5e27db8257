#!/usr/bin/env bash
# Every test of the repository, as CI runs them, each stage with its time:
#   1. scripts/setup.sh and scripts/jupyter-kernel-setup.sh: Debian's chromium and Jupyter, plotly.js and MathJax from
#      npm, the pinned dotnet-interactive tool and its .net-csharp kernel, the library built for the notebooks;
#   2. dotnet test of the solution: the library's tests, the tutorial helpers' tests, the notebook tool's tests and the
#      committed notebooks' hygiene (no notebook is executed there); then the library's tests twice more on narrower
#      SIMD paths, switched off with the runtime's own knobs (DOTNET_EnableAVX512=0: the AVX2 path;
#      DOTNET_EnableAVX2=0 DOTNET_EnableAVX512=0: the 128-bit path), so that every kernel's path runs natively and the
#      bit-identity promises hold across all three (the tests with trait Category=Reproduction, minutes of training
#      that reproduce published accuracies, run once, on the widest path: the 128-bit run has no hardware FMA, so its
#      matrix products are emulated and far slower);
#   3. the notebook tool's check: every notebook executed once by Jupyter on the .net-csharp kernel, as readers and
#      Binder run it; its outputs compared with the saved ones (text and chart data), its claim checks counted, its
#      HTML export (charts as images, formulas typeset by a local MathJax) checked in headless chromium;
#   4. the notebook tool's check-apps: every notebook's file-based app built and run once, its console text and charts
#      compared with its notebook's saved outputs.
#
# Usage: scripts/test.sh [--help]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
exit_on_help "$@"
start=$SECONDS
stage_start=$SECONDS
stage_done() {
  echo "test.sh: $1 in $((SECONDS - stage_start)) s"
  stage_start=$SECONDS
}
scripts/setup.sh
scripts/jupyter-kernel-setup.sh
stage_done "setup"
dotnet test WeightInitNotebooks.sln -c Release
stage_done "dotnet test of the solution"
library_tests_on() {
  local label=$1
  shift
  quietly "library tests on the $label path ($*)" env "$@" dotnet test tests/WeightInit.Tests -c Release --no-build \
    --filter "Category!=Reproduction"
  stage_done "library tests on the $label path ($*)"
}
library_tests_on AVX2 DOTNET_EnableAVX512=0
library_tests_on 128-bit DOTNET_EnableAVX2=0 DOTNET_EnableAVX512=0
tool=(dotnet run --no-build --project tools/WeightInit.Notebooks -c Release --)
"${tool[@]}" check
stage_done "notebooks checked (check)"
"${tool[@]}" check-apps
stage_done "apps checked (check-apps)"
echo "test.sh: all tests passed in $((SECONDS - start)) s"
