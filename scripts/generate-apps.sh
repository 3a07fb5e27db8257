#!/usr/bin/env bash
# Regenerates the notebooks' file-based apps: notebooks/apps/NN-name.cs from notebooks/NN-name.ipynb, for every notebook
# of notebooks/notebooks.json (tools/WeightInit.Notebooks.Apps). The apps are generated, never edited by hand: run this
# after changing a notebook (or notebooks/setup.dib), then commit notebooks/apps. A notebook cell that the generator
# cannot translate without changing what it does fails with a message naming the notebook, the cell and what to change.
#
# Usage: scripts/generate-apps.sh [--check]   (--check: write nothing; fail if a committed app is stale)
#        scripts/generate-apps.sh --help      (this text)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
exit_on_help "$@"
case "${1:-}" in
  ''|--check) ;;
  *) echo "generate-apps: unknown argument '$1' (see scripts/generate-apps.sh --help)" >&2; exit 2 ;;
esac
quietly "dotnet build tools/WeightInit.Notebooks.Apps" dotnet build tools/WeightInit.Notebooks.Apps -c Release -nologo
dotnet run --no-build --project tools/WeightInit.Notebooks.Apps -c Release -- generate ${1:+"$1"}
