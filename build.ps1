#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Build, test, run and benchmark the ContactCourse gateway.
.DESCRIPTION
    PowerShell comes as a local dotnet tool:  dotnet tool restore; dotnet pwsh ./build.ps1 <target> [arguments]
      build    Release build of the whole solution.
      test     The whole test suite (starts its own PostgreSQL).
      run      The gateway on the embedded PostgreSQL; arguments go to the gateway (for example --urls).
      migrate  Apply pending database migrations and exit.
      bench    The benchmark (Release, loopback only, bounded); arguments go to it (--help lists them).
               Results are appended to docs/performance.md.
#>
param(
    [ValidateSet('build', 'test', 'run', 'migrate', 'bench')]
    [string] $Target = 'build',
    [Parameter(ValueFromRemainingArguments = $true)]
    [string[]] $Arguments = @()
)

$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

switch ($Target) {
    'build'   { Invoke-Dotnet build Gateway.sln -c Release }
    'test'    { Invoke-Dotnet test Gateway.sln }
    'run'     { Invoke-Dotnet run --project src/Gateway.Host -- @Arguments }
    'migrate' { Invoke-Dotnet run --project src/Gateway.Host -- migrate @Arguments }
    'bench'   { Invoke-Dotnet run -c Release --project bench/Gateway.Benchmarks -- @Arguments }
}
