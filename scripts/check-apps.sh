#!/usr/bin/env bash
# Checks the notebooks' file-based apps (notebooks/apps/NN-name.cs), as CI does:
#   1. the committed apps are what the generator makes from the notebooks (else: run scripts/generate-apps.sh);
#   2. the library and the apps' helper build (else: no app can run; the build's errors are printed);
#   3. every app builds (`dotnet build -c Release` on the file, two at once) and runs (`dotnet run -c Release --no-build
#      --file ...`, one at a time, while the later apps build) from the repository's root with its cell markers on;
#      its console text must equal its notebook's saved text outputs cell by cell (timing lines, marked with ⏱,
#      compared without their numbers), each chart must be the notebook's chart (every number within 1e-9 of the
#      largest magnitude of its series), written as an HTML page that loads plotly.js from a local file (and a PNG
#      beside it when chromium is installed), and its last line must name its output folder (artifacts/apps/NN-name/).
# Prints one line per app with its build and run times. Prerequisites: scripts/setup.sh (plotly.js, chromium).
#
# Usage: scripts/check-apps.sh [--only PREFIX[,PREFIX]] [--jobs N] [--timeout SECONDS]
#        scripts/check-apps.sh --help   (this text)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
exit_on_help "$@"
quietly "dotnet build tools/WeightInit.Notebooks.Apps" dotnet build tools/WeightInit.Notebooks.Apps -c Release -nologo
dotnet run --no-build --project tools/WeightInit.Notebooks.Apps -c Release -- check "$@"
