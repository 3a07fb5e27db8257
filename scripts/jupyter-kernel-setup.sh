#!/usr/bin/env bash
# Prepares Jupyter to run the notebooks on the .NET (C#) kernel, exactly as Binder does:
# the SAME script runs in .binder/Dockerfile (on Binder) and in scripts/jupyter-execute.sh (in CI),
# so a green CI proves the Binder steps.
#   1. restore the repository's pinned dotnet-interactive tool (.config/dotnet-tools.json);
#   2. register its Jupyter kernels (.net-csharp, ...) for the current user;
#   3. build the library into the folder the notebooks' setup.dib references (artifacts/notebook-lib).
# Needs: the .NET SDK of global.json and a Jupyter installation (jupyter-client) on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

command -v jupyter >/dev/null || { echo "jupyter-kernel-setup: jupyter is not installed (run scripts/setup.sh as root)" >&2; exit 1; }
dotnet tool restore >/dev/null
# The kernelspec runs `dotnet interactive jupyter ...`: a local tool, found through the manifest of the
# folder the kernel starts in (the notebook's folder, inside this repository).
dotnet dotnet-interactive jupyter install >/dev/null
# (capture first: `grep -q` would close the pipe early and, under pipefail, fail on jupyter's broken pipe)
kernels=$(jupyter kernelspec list)
grep -q '\.net-csharp' <<<"$kernels" || { echo "jupyter-kernel-setup: the .net-csharp kernel was not registered" >&2; exit 1; }
# (every build of lib/WeightInit and lib/WeightInit.Tutorial copies it to artifacts/notebook-lib, see their csproj)
dotnet build lib/WeightInit.Tutorial -c Release -nologo -v quiet >/dev/null
test -f artifacts/notebook-lib/WeightInit.dll -a -f artifacts/notebook-lib/WeightInit.Tutorial.dll || { echo "jupyter-kernel-setup: artifacts/notebook-lib/WeightInit.dll was not built" >&2; exit 1; }
echo "jupyter-kernel-setup: .net-csharp kernel registered; library built into artifacts/notebook-lib"
