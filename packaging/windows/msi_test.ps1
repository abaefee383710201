# Deploy the MSI as IT would (silent, machine-wide, a pack beside the .msi), smoke-test the
# installed app, remove it. NOT YET RUN: written for the installers workflow's Windows runner.
#
#   pwsh packaging/windows/msi_test.ps1 -Msi dist\Reflect-0.1.0-x64.msi -Pack cohort.reflectpack
param([Parameter(Mandatory)] [string] $Msi, [Parameter(Mandatory)] [string] $Pack)
$ErrorActionPreference = 'Stop'
$root = (Resolve-Path "$PSScriptRoot\..\..").Path
function Check([bool] $ok, [string] $what) {
  if (-not $ok) { throw "FAILED: $what" }
  Write-Host "   ok: $what"
}
$share = "$env:RUNNER_TEMP\msi-share"  # stands in for the deployment share
New-Item -ItemType Directory -Force $share | Out-Null
Copy-Item $Msi, $Pack $share
$msiPath = Join-Path $share (Split-Path -Leaf $Msi)

$install = Start-Process msiexec.exe -Wait -PassThru -ArgumentList @(
  '/i', "`"$msiPath`"", '/qn', '/norestart', '/l*v', "`"$share\install.log`"")
Check ($install.ExitCode -eq 0) "msiexec /i exited 0 (got $($install.ExitCode))"
$app = "$env:ProgramFiles\Reflect"
Check (Test-Path "$app\reflect.exe") "installed in $app"
Check (Test-Path "$env:ProgramData\Reflect\packs\$(Split-Path -Leaf $Pack)") 'the pack beside the .msi is in %ProgramData%\Reflect\packs'
Check ((Get-ItemProperty 'HKLM:\Software\Classes\.reflect').'(default)' -eq 'Reflect.Bundle') '.reflect is associated machine-wide'
Check ((Get-ItemProperty 'HKLM:\Software\Classes\.reflectpack').'(default)' -eq 'Reflect.Pack') '.reflectpack is associated machine-wide'

& python "$root\packaging\smoke_installed.py" "$app\reflect.exe" --expect-pack-installed
if ($LASTEXITCODE -ne 0) { throw 'smoke test of the MSI install failed' }

$remove = Start-Process msiexec.exe -Wait -PassThru -ArgumentList @(
  '/x', "`"$msiPath`"", '/qn', '/norestart', '/l*v', "`"$share\uninstall.log`"")
Check ($remove.ExitCode -eq 0) "msiexec /x exited 0 (got $($remove.ExitCode))"
Check (-not (Test-Path "$app\reflect.exe")) 'the app was removed'
Check (-not (Test-Path 'HKLM:\Software\Classes\Reflect.Bundle')) 'the associations were removed'
Write-Host 'MSI TEST PASSED'
