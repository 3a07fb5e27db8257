#!/usr/bin/env bash
# The library's tests on ARM64 (AdvSimd/NEON: the 128-bit kernels with the hardware's fused multiply-add), emulated
# on an x86 machine by Debian's qemu-user, with the linux-arm64 .NET runtime that NuGet provides:
#   1. Debian: qemu-user-static and the arm64 C/C++ runtime libraries (libc6-arm64-cross, libstdc++6-arm64-cross,
#      libgcc-s1-arm64-cross; the sysroot /usr/aarch64-linux-gnu), installed when missing (needs root);
#   2. dotnet publish of tests/WeightInit.Tests for linux-arm64, self-contained (the runtime pack
#      Microsoft.NETCore.App.Runtime.linux-arm64 and the apphost come from NuGet), into artifacts/arm64 (ignored by
#      git; inside the repository, where the tests find data/ and the reference files): the projects' own bin/ and
#      obj/ stay untouched;
#   3. xUnit's console runner (xunit.runner.console, restored from NuGet by a throwaway project in that directory:
#      VSTest cannot start an arm64 test host without binfmt_misc), started by the arm64 apphost rebound to it, under
#      qemu-aarch64-static -L /usr/aarch64-linux-gnu.
# Emulation is slow (about 10 to 30 times the native run); arguments after the options go to the xUnit runner,
# e.g. `scripts/test-arm64.sh -namespace WeightInit.Tests.Kernels`. Quiet on success but for the runner's summary.
#
# Usage: scripts/test-arm64.sh [--no-apt] [xunit.console arguments...]
#        scripts/test-arm64.sh --help
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
exit_on_help "$@"
apt=1
if [[ "${1:-}" == "--no-apt" ]]; then apt=0; shift; fi

sysroot=/usr/aarch64-linux-gnu
apt_packages=(qemu-user-static libc6-arm64-cross libstdc++6-arm64-cross libgcc-s1-arm64-cross)
if ((apt)); then
  missing=()
  for p in "${apt_packages[@]}"; do
    [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" == *"install ok installed"* ]] || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "test-arm64: installing Debian packages: ${missing[*]}"
    if [[ $(id -u) -ne 0 ]]; then echo "test-arm64: apt-get needs root (run as root, or with sudo)" >&2; exit 1; fi
    export DEBIAN_FRONTEND=noninteractive
    quietly "apt-get update" apt-get -o DPkg::Lock::Timeout=600 update
    quietly "apt-get install" apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}"
  fi
fi
command -v qemu-aarch64-static >/dev/null \
  || { echo "test-arm64: qemu-aarch64-static is missing (Debian: qemu-user-static)" >&2; exit 1; }
[[ -e "$sysroot/lib/ld-linux-aarch64.so.1" ]] \
  || { echo "test-arm64: no arm64 sysroot at $sysroot (Debian: libc6-arm64-cross)" >&2; exit 1; }

work="$PWD/artifacts/arm64"
out="$work/out"
mkdir -p "$work"
quietly "dotnet publish for linux-arm64" \
  dotnet publish tests/WeightInit.Tests -c Release -r linux-arm64 --self-contained \
  -p:UseAppHost=true --artifacts-path "$work/artifacts" -o "$out"

# The console runner is a tool of this script, not a dependency of the repository's projects: its version lives here,
# and its throwaway project outside the repository (whose central package management would refuse it).
runner_version=2.4.1
runner="${TMPDIR:-/tmp}/weightinit-arm64-runner"
mkdir -p "$runner"
cat >"$runner/runner.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageReference Include="xunit.runner.console" Version="$runner_version" /></ItemGroup>
</Project>
EOF
quietly "restore xunit.runner.console $runner_version" \
  dotnet restore "$runner/runner.csproj" --packages "$work/packages"
cp "$work/packages/xunit.runner.console/$runner_version/tools/netcoreapp2.0/"*.dll "$out/"

# The arm64 apphost the SDK wrote for the test assembly, rebound to xunit.console.dll (the apphost names its managed
# assembly in a fixed, zero-padded slot), with the test assembly's runtime configuration and dependencies.
python3 - "$out" <<'EOF'
import sys
out = sys.argv[1]
host = open(f"{out}/WeightInit.Tests", "rb").read()
bound, runner = b"WeightInit.Tests.dll", b"xunit.console.dll"
at = host.find(bound + b"\0")
if at < 0:
    sys.exit("test-arm64: the apphost does not name WeightInit.Tests.dll")
patched = host[:at] + runner + b"\0" * (len(bound) - len(runner)) + host[at + len(bound):]
open(f"{out}/xunit.console", "wb").write(patched)
EOF
chmod +x "$out/xunit.console"
cp "$out/WeightInit.Tests.runtimeconfig.json" "$out/xunit.console.runtimeconfig.json"
cp "$out/WeightInit.Tests.deps.json" "$out/xunit.console.deps.json"

cd "$out"
# Invariant globalization: the sysroot has no ICU. W^X off: double-mapped code pages are slow under qemu-user.
log=$(mktemp "${TMPDIR:-/tmp}/weightinit-arm64.XXXXXX.log")
status=0
DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_EnableWriteXorExecute=0 \
  qemu-aarch64-static -L "$sysroot" ./xunit.console WeightInit.Tests.dll -noColor "$@" >"$log" 2>&1 || status=$?
if ((status != 0)); then
  echo "test-arm64: the library tests failed under qemu-aarch64 (exit code $status)" >&2
  cat "$log" >&2
  rm -f "$log"
  exit "$status"
fi
grep -E "Total:|xUnit.net" "$log" | sed 's/^ */test-arm64: /'
rm -f "$log"
