#!/usr/bin/env bash
# The main job: installs what the notebooks need (scripts/setup.sh), builds the library and executes every
# notebook in notebooks/notebooks.json, in order, on the .NET Interactive C# kernel, writing each back with
# its fresh outputs and a static image of every chart.
#
# Usage: scripts/run-notebooks.sh [RUNNER OPTIONS]   e.g. --only 03, --check, --timeout SECONDS
#        scripts/run-notebooks.sh --help             (this text and the runner's options)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  print_help
  echo
  dotnet run --project tools/WeightInit.Notebooks -c Release -- --help
  exit 0
fi
scripts/setup.sh
dotnet run --project tools/WeightInit.Notebooks -c Release -- "$@"
