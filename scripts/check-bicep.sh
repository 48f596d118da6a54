#!/usr/bin/env bash
# Compiles and lints infra/bicep with the real Bicep CLI, taken from NuGet (Azure.Bicep.CommandLine.<rid>)
# so it works wherever `dotnet restore` does, with or without the Azure CLI. Any diagnostic fails the check.
set -euo pipefail
cd "$(dirname "$0")/.."

version="${BICEP_VERSION:-0.47.16}"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) rid=linux-x64 ;;
  Linux-aarch64) rid=linux-arm64 ;;
  Darwin-x86_64) rid=osx-x64 ;;
  Darwin-arm64) rid=osx-arm64 ;;
  *) echo "check-bicep: no Bicep CLI package for $(uname -s)-$(uname -m); use 'az bicep build' instead." >&2; exit 2 ;;
esac

packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
bicep="$packages/azure.bicep.commandline.$rid/$version/tools/bicep"
if [[ ! -x "$bicep" ]]; then
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  cat >"$scratch/fetch-bicep.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup><PackageDownload Include="Azure.Bicep.CommandLine.$rid" Version="[$version]" /></ItemGroup>
</Project>
XML
  dotnet restore "$scratch/fetch-bicep.csproj" -nologo >/dev/null
  chmod +x "$bicep"
fi

"$bicep" --version
diagnostics="$("$bicep" build infra/bicep/main.bicep --stdout 2>&1 >/dev/null || true)"
for file in infra/bicep/main.bicep infra/bicep/modules/*.bicep; do
  diagnostics+=$'\n'"$("$bicep" lint "$file" 2>&1 || true)"
done

if [[ -n "${diagnostics//[[:space:]]/}" ]]; then
  echo "$diagnostics" >&2
  exit 1
fi
echo "check-bicep: infra/bicep builds and lints clean."
