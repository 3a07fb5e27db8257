#!/usr/bin/env bash
# The main job: installs what the notebooks need (scripts/setup.sh), registers the .NET (C#) Jupyter kernel and builds
# the library (scripts/jupyter-kernel-setup.sh), then executes every notebook of notebooks/notebooks.json with Jupyter,
# as readers run it, writes each back with its fresh outputs and a PNG of every chart, and regenerates the notebooks'
# file-based apps: the notebook tool's verb run.
#
# Usage: scripts/run-notebooks.sh [--only PREFIX[,PREFIX]] [--jobs N] [--timeout SECONDS]
#        scripts/run-notebooks.sh --help   (this text)
# The tool's verbs and options: dotnet run --project tools/WeightInit.Notebooks -c Release -- --help
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
exit_on_help "$@"
scripts/setup.sh
scripts/jupyter-kernel-setup.sh
quietly "dotnet build tools/WeightInit.Notebooks" dotnet build tools/WeightInit.Notebooks -c Release -nologo
dotnet run --no-build --project tools/WeightInit.Notebooks -c Release -- run "$@"
