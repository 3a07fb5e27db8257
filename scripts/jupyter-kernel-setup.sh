#!/usr/bin/env bash
# Prepares Jupyter to run the notebooks on the .NET (C#) kernel, exactly as Binder does:
# the SAME script runs in .binder/Dockerfile (on Binder) and in scripts/test.sh and scripts/run-notebooks.sh (in CI
# and for the writer), so a green CI proves the Binder steps.
#   1. restore the repository's pinned dotnet-interactive tool (.config/dotnet-tools.json);
#   2. register its Jupyter kernels (.net-csharp, ...) for the current user;
#   3. build the library and lib/WeightInit.Tutorial into the folder the notebooks' setup.dib references
#      (artifacts/notebook-lib).
# Needs: the .NET SDK of global.json and a Jupyter installation (jupyter-client) on the PATH.
# Quiet when a step succeeds; a step that fails prints its whole output.
#
# Usage: scripts/jupyter-kernel-setup.sh [--help]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
exit_on_help "$@"

fail() { echo "jupyter-kernel-setup: $*" >&2; exit 1; }
command -v jupyter >/dev/null || fail "jupyter is not installed (run scripts/setup.sh as root)"
quietly "dotnet tool restore" dotnet tool restore
# The kernelspec runs `dotnet interactive jupyter ...`: a local tool, found through the manifest of the
# folder the kernel starts in (the notebook's folder, inside this repository).
quietly "dotnet-interactive jupyter install" dotnet dotnet-interactive jupyter install
# (capture first: `grep -q` would close the pipe early and, under pipefail, fail on jupyter's broken pipe)
kernels=$(jupyter kernelspec list)
grep -q '\.net-csharp' <<<"$kernels" || fail "the .net-csharp kernel was not registered; kernels: $kernels"
# (every build of lib/WeightInit and lib/WeightInit.Tutorial copies it to artifacts/notebook-lib, see their csproj)
quietly "dotnet build lib/WeightInit.Tutorial" dotnet build lib/WeightInit.Tutorial -c Release -nologo
for dll in WeightInit WeightInit.Tutorial; do
  test -f "artifacts/notebook-lib/$dll.dll" || fail "artifacts/notebook-lib/$dll.dll was not built"
done
echo "jupyter-kernel-setup: .net-csharp kernel registered; library built into artifacts/notebook-lib"
