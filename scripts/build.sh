#!/usr/bin/env bash
# Builds the solution. OmoiOs.Functions builds against the real Azure Functions packages when the
# NuGet feed has them, and otherwise against the signature-only surface in offline/ (see offline/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

configuration="${CONFIGURATION:-Debug}"
flags=()
if [[ "${FunctionsOffline:-}" == "true" ]] || ! dotnet restore OmoiOs.Functions/OmoiOs.Functions.csproj >/tmp/omoi-functions-restore.log 2>&1; then
  echo "build: the Azure Functions packages are not restorable from this NuGet feed; building OmoiOs.Functions against offline/ (-p:FunctionsOffline=true)." >&2
  flags+=("-p:FunctionsOffline=true")
fi

dotnet build OmoiOs.sln -c "$configuration" -nologo -clp:ErrorsOnly "${flags[@]}" "$@"
