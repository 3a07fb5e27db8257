#!/usr/bin/env bash
# Executes every notebook with Jupyter on the .NET (C#) kernel, as Binder runs them, then exports them to HTML
# with the charts as static images and checks the export in headless chromium.
#
#   scripts/jupyter-execute.sh [OUTPUT_DIR]      (default: artifacts/jupyter)
#
# - Kernel: scripts/jupyter-kernel-setup.sh, the same steps as .binder/Dockerfile.
# - Execution: `jupyter nbconvert --to notebook --execute` per notebook, in the order of notebooks/notebooks.json,
#   into OUTPUT_DIR/executed (the committed notebooks are never written); any cell error fails the script,
#   naming the notebook.
# - Sanitizing: the executed notebooks' outputs lose the kernel's noise ("Loading extensions from" the NuGet cache)
#   and every machine path, as the notebook runner does for the saved notebooks.
# - Static images: every Plotly chart output gets a PNG (tools/WeightInit.Notebooks.StaticCharts, chromium +
#   the pinned plotly.js, offline).
# - HTML: OUTPUT_DIR/html/NAME.html per notebook plus index.html; nbconvert is told to prefer the image over the
#   chart's text/html (which needs plotly.js from a CDN), so the pages show every chart offline, and to load MathJax
#   from OUTPUT_DIR/html/mathjax/, a copy of the pinned MathJax 2 (tools/chart-renderer), not from a CDN, so the
#   pages typeset their formulas offline. The folder OUTPUT_DIR/html is self-contained.
# - Check: each page is loaded in headless chromium with the network closed; every image output must be laid out
#   and drawn (not blank), no interactive chart container may be shown empty, every formula must be typeset (no
#   TeX left as text in the prose), and no page may name a machine path.
# Prerequisites: scripts/setup.sh (Debian's Jupyter and chromium, plotly.js and MathJax from npm, the dotnet tool).
# Quiet when a step succeeds (one line per notebook); a step that fails prints its output.
#
# Usage: scripts/jupyter-execute.sh [OUTPUT_DIR]
#        scripts/jupyter-execute.sh --help   (this text)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/common.sh
exit_on_help "$@"
out="${1:-artifacts/jupyter}"
start_all=$SECONDS

for tool in jupyter chromium; do
  command -v "$tool" >/dev/null || { echo "jupyter-execute: $tool is not installed; run scripts/setup.sh (as root)" >&2; exit 1; }
done

scripts/jupyter-kernel-setup.sh
quietly "dotnet build tools/WeightInit.Notebooks.StaticCharts" dotnet build tools/WeightInit.Notebooks.StaticCharts -c Release -nologo
charts=(dotnet run --no-build --project tools/WeightInit.Notebooks.StaticCharts -c Release --)

# Notebooks in reading order, from the manifest.
mapfile -t notebooks < <(python3 -c 'import json,sys; [print(n) for n in json.load(open("notebooks/notebooks.json"))["notebooks"]]')
((${#notebooks[@]})) || { echo "jupyter-execute: notebooks/notebooks.json lists no notebook" >&2; exit 1; }
# What VS Code's Jupyter extension needs too: each notebook's metadata names the kernel just registered.
"${charts[@]}" check-kernelspec "${notebooks[@]/#/notebooks/}"

rm -rf "$out"
mkdir -p "$out/executed" "$out/html" "$out/logs"
executed=()
for name in "${notebooks[@]}"; do
  [[ -f "notebooks/$name" ]] || { echo "jupyter-execute: notebooks/$name (listed in notebooks.json) does not exist" >&2; exit 1; }
  t0=$SECONDS
  # The kernel starts in the notebook's folder (relative #r and #!import resolve there; the tool manifest is found above it).
  if ! jupyter nbconvert --to notebook --execute \
        --ExecutePreprocessor.kernel_name=.net-csharp \
        --ExecutePreprocessor.timeout=600 \
        --ExecutePreprocessor.startup_timeout=300 \
        --output-dir "$out/executed" "notebooks/$name" >"$out/logs/${name%.ipynb}.log" 2>&1; then
    echo "FAILED: $name (jupyter nbconvert --execute on the .net-csharp kernel):" >&2
    # nbconvert prints the failing cell's source and the kernel's error last.
    grep -v -E '^(info|warn): |^      ' "$out/logs/${name%.ipynb}.log" | tail -n 40 >&2
    exit 1
  fi
  printf '%-45s executed in %4d s\n' "$name" $((SECONDS - t0))
  executed+=("$out/executed/$name")
done
quietly "sanitizing the executed notebooks" "${charts[@]}" sanitize "${executed[@]}"
"${charts[@]}" add-images "${executed[@]}"

# MathJax beside the pages: the parts that nbconvert's configuration (TeX-AMS_CHTML-full, Safe) loads.
mathjax=tools/chart-renderer/node_modules/mathjax
[[ -f $mathjax/MathJax.js ]] || { echo "jupyter-execute: MathJax is not installed in $mathjax; run scripts/setup.sh" >&2; exit 1; }
mkdir -p "$out/html/mathjax/fonts/HTML-CSS/TeX" "$out/html/mathjax/jax/output" "$out/html/mathjax/localization"
cp -R "$mathjax/MathJax.js" "$mathjax/config" "$mathjax/extensions" "$out/html/mathjax/"
cp -R "$mathjax/jax/input" "$mathjax/jax/element" "$out/html/mathjax/jax/"
cp -R "$mathjax/jax/output/CommonHTML" "$out/html/mathjax/jax/output/"
cp -R "$mathjax/fonts/HTML-CSS/TeX/woff" "$out/html/mathjax/fonts/HTML-CSS/TeX/"
cp -R "$mathjax/localization/en" "$out/html/mathjax/localization/"

# Prefer the static image to the chart's text/html in the export (nbconvert's default puts text/html first).
priority="['image/png','image/svg+xml','text/html','text/markdown','text/latex','application/pdf','image/jpeg','text/plain']"
t0=$SECONDS
jupyter nbconvert --to html --output-dir "$out/html" "--NbConvertBase.display_data_priority=$priority" \
  "--HTMLExporter.mathjax_url=mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe" \
  "${executed[@]}" >"$out/logs/html-export.log" 2>&1 || { tail -n 20 "$out/logs/html-export.log" >&2; exit 1; }
"${charts[@]}" write-index "$out/html" "${executed[@]}"
echo "HTML export in $((SECONDS - t0)) s"

"${charts[@]}" check-html "$out/html" "${executed[@]}"
echo "jupyter-execute: ${#executed[@]} notebook(s) executed, exported and checked in $((SECONDS - start_all)) s; HTML in $out/html/index.html"
