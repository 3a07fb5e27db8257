# shellcheck shell=bash
# Sourced by every script in scripts/ and by .ci/run: the environment they export and the helpers they share.
# Not a command of its own.

# The .NET CLI without telemetry, first-run banners or XML-doc extraction from NuGet packages.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
       DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 NUGET_XMLDOC_MODE=skip

# print_help: prints the calling script's header (its comment lines after the shebang, without the "# ").
print_help() {
  awk 'NR == 1 { next } /^#/ { sub(/^# ?/, ""); print; next } { exit }' "$0"
}

# exit_on_help "$@": prints the header and exits 0 when the first argument is -h or --help.
exit_on_help() {
  case "${1:-}" in
    -h|--help) print_help; exit 0 ;;
  esac
}

# quietly WHAT COMMAND...: runs COMMAND with its output captured; prints nothing when it succeeds, and when it
# fails prints "WHAT failed", the command and its whole captured output, then returns its exit code.
quietly() {
  local what=$1 log status=0
  shift
  log=$(mktemp "${TMPDIR:-/tmp}/weightinit.XXXXXX.log")
  "$@" >"$log" 2>&1 || status=$?
  if ((status != 0)); then
    {
      echo "$what failed (exit code $status): $*"
      echo "---- its output ----"
      cat "$log"
      echo "---- end of output ----"
    } >&2
  fi
  rm -f "$log"
  return "$status"
}
