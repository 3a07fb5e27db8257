#!/usr/bin/env bash
# Every test of the repository, as CI runs them, each stage with its time:
#   1. scripts/setup.sh and scripts/jupyter-kernel-setup.sh: Debian's chromium and Jupyter, plotly.js and
#      playwright-core from npm, the pinned dotnet-interactive and DocFX tools, the .net-csharp kernel, the library
#      built for the notebooks;
#   2. dotnet test of the solution: the library's tests, the tutorial helpers' tests, the notebook tool's tests and the
#      committed notebooks' hygiene (no notebook is executed there); then the library's tests again on narrower SIMD
#      paths, switched off with the runtime's own knobs: all of them with DOTNET_EnableAVX512=0 (the AVX2 path of
#      most laptops); with DOTNET_EnableAVX2=0 DOTNET_EnableAVX512=0 (128-bit registers, and on .NET 10 no FMA, whose
#      every fused multiply-add the runtime then emulates, 10-50 times slower) the tests whose results depend on the
#      path: the kernels on every width, the samplers, the products, the activations and the bit-identity digests of
#      whole simulations, so that the promise of the same bits on every path is checked natively on all three;
#   3. the notebook tool's check: every notebook executed once by Jupyter on the .net-csharp kernel, as readers and
#      Binder run it; its outputs compared with the saved ones (text and chart data), its claim checks counted; the
#      book site built from those executions (DocFX) and checked in headless chromium (charts, sliders, formulas,
#      links, search);
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
  local label=$1 filter=$2
  shift 2
  quietly "library tests on the $label path ($*)" \
    env "$@" dotnet test tests/WeightInit.Tests -c Release --no-build --filter "$filter"
  stage_done "library tests on the $label path ($*)"
}
# Category=Reproduction: minutes of training that reproduce published accuracies; once, on the widest path, is enough.
library_tests_on AVX2 "Category!=Reproduction" DOTNET_EnableAVX512=0
path_dependent="FullyQualifiedName~WeightInit.Tests.Kernels|FullyQualifiedName~WeightInit.Tests.Random"
path_dependent+="|FullyQualifiedName~WeightInit.Tests.LinearAlgebra|FullyQualifiedName~WeightInit.Tests.Activations"
path_dependent+="|FullyQualifiedName~BitIdentity"
library_tests_on 128-bit "$path_dependent" DOTNET_EnableAVX2=0 DOTNET_EnableAVX512=0
tool=(dotnet run --no-build --project tools/WeightInit.Notebooks -c Release --)
"${tool[@]}" check
stage_done "notebooks checked (check)"
"${tool[@]}" check-apps
stage_done "apps checked (check-apps)"
echo "test.sh: all tests passed in $((SECONDS - start)) s"
