#!/usr/bin/env bash
# Installs everything the notebook jobs need beyond the .NET SDK, from the package registries only:
#   - Debian: chromium (headless renderer of the static chart images and of the book site's check), fonts,
#     Jupyter (nbconvert, jupyter-client, nbformat, nbclient, ipykernel; python3 with them) for
#     the notebook tool (tools/WeightInit.Notebooks: run, check), and Node.js with npm when either is missing;
#   - npm: the pinned plotly.js bundle and playwright-core (tools/chart-renderer, `npm ci` from its package-lock.json);
#   - NuGet: the repository's pinned tools, dotnet-interactive and DocFX (`dotnet tool restore`), and the packages that
#     notebooks/setup.dib references (tools/notebook-packages), so no notebook fetches a package while it runs.
# Idempotent: a second run only checks. Needs root for apt-get (skipped when every package is present).
# Quiet when a step succeeds; a step that fails prints its whole output.
#
# Usage: scripts/setup.sh            (everything)
#        scripts/setup.sh --no-apt   (skip the Debian packages, e.g. inside the Binder image where
#                                     they are installed by the Dockerfile's root step)
#        scripts/setup.sh --help     (this text)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
exit_on_help "$@"
case "${1:-}" in
  ''|--no-apt) ;;
  *) echo "setup: unknown argument '$1' (see scripts/setup.sh --help)" >&2; exit 2 ;;
esac

apt_packages=(chromium fonts-dejavu-core fonts-liberation2 fonts-open-sans
              jupyter-nbconvert jupyter-client python3-nbformat python3-nbclient python3-ipykernel)
# npm and node may come from elsewhere (nvm, NodeSource): install Debian's only when one of them is missing.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_packages+=(nodejs npm)
fi

if [[ "${1:-}" != "--no-apt" ]]; then
  missing=()
  for p in "${apt_packages[@]}"; do
    [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" == *"install ok installed"* ]] || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "setup: installing Debian packages: ${missing[*]}"
    if [[ $(id -u) -ne 0 ]]; then echo "setup: apt-get needs root (run as root, or with sudo)" >&2; exit 1; fi
    export DEBIAN_FRONTEND=noninteractive
    quietly "apt-get update" apt-get -o DPkg::Lock::Timeout=600 update
    quietly "apt-get install" apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}"
  else
    echo "setup: Debian packages present"
  fi
fi
for tool in node npm; do
  command -v "$tool" >/dev/null \
    || { echo "setup: $tool is not installed (run scripts/setup.sh as root, without --no-apt)" >&2; exit 1; }
done

# plotly.js for the offline chart renderer, the apps' chart pages and the book site's live charts, playwright-core for
# the site's check: exactly the versions in package-lock.json.
lock=tools/chart-renderer/package-lock.json
stamp=tools/chart-renderer/node_modules/.setup-stamp
if [[ ! -f $stamp ]] || ! cmp -s "$lock" "$stamp"; then
  echo "setup: npm ci in tools/chart-renderer"
  (cd tools/chart-renderer && quietly "npm ci" npm ci --no-audit --no-fund)
  cp "$lock" "$stamp"
else
  modules=./tools/chart-renderer/node_modules
  plotly=$(node -p "require('$modules/plotly.js-dist-min/package.json').version")
  playwright=$(node -p "require('$modules/playwright-core/package.json').version")
  echo "setup: plotly.js $plotly and playwright-core $playwright present"
fi

# The pinned .NET Interactive and DocFX tools (.config/dotnet-tools.json).
quietly "dotnet tool restore" dotnet tool restore
# The notebooks' packages (Plotly.NET.Interactive, Plotly.NET.CSharp) into the NuGet cache.
quietly "dotnet restore tools/notebook-packages" dotnet restore tools/notebook-packages -nologo
echo "setup: done"
