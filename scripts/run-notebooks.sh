#!/usr/bin/env bash
# The main job: installs what the notebooks need (scripts/setup.sh), builds the library and executes every
# notebook in notebooks/notebooks.json, in order, on the .NET Interactive C# kernel, writing each back with
# its fresh outputs and a static image of every chart. Extra arguments go to the runner (e.g. --only 03).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
scripts/setup.sh
dotnet run --project tools/WeightInit.Notebooks -c Release -- "$@"
