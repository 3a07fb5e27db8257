#!/usr/bin/env bash
# The main job: installs what the notebooks need (scripts/setup.sh), builds the library and executes every
# notebook in notebooks/notebooks.json, in order, on the .NET Interactive C# kernel, writing each back with
# its fresh outputs and a static image of every chart; then regenerates the notebooks' file-based apps
# (scripts/generate-apps.sh; with --check: checks that they are up to date, writing nothing).
#
# Usage: scripts/run-notebooks.sh [RUNNER OPTIONS]   e.g. --only 03, --check, --timeout SECONDS
#        scripts/run-notebooks.sh --help             (this text)
# The runner's options: dotnet run --project tools/WeightInit.Notebooks -c Release -- --help
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
exit_on_help "$@"
scripts/setup.sh
dotnet run --project tools/WeightInit.Notebooks -c Release -- "$@"
if [[ " $* " == *" --check "* ]]; then scripts/generate-apps.sh --check; else scripts/generate-apps.sh; fi
