# Run by install_test.ps1 as a standard user: the per-user install, its checks, the smoke test,
# the portable zip, the uninstall. NOT YET RUN (see install_test.ps1). Writes install-test.log.
param(
  [Parameter(Mandatory)] [string] $Kit,
  [Parameter(Mandatory)] [string] $Setup,
  [Parameter(Mandatory)] [string] $Python
)
$ErrorActionPreference = 'Stop'
Start-Transcript -Path "$Kit\install-test.log" | Out-Null
function Check([bool] $ok, [string] $what) {
  if (-not $ok) { throw "FAILED: $what" }
  Write-Host "   ok: $what"
}
function Smoke([string] $exe, [string[]] $extra) {
  & $Python "$Kit\packaging\smoke_installed.py" $exe @extra
  if ($LASTEXITCODE -ne 0) { throw "smoke test failed for $exe" }
}

try {
  $principal = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
  Check (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) `
    "running as $env:USERNAME, not an administrator"

  Write-Host '-- silent per-user install'
  $setup = Start-Process $Setup -Wait -PassThru -ArgumentList @(
    '/VERYSILENT', '/SUPPRESSMSGBOXES', '/NORESTART', '/CURRENTUSER', "/LOG=$Kit\setup.log")
  Check ($setup.ExitCode -eq 0) "Setup exited 0 (got $($setup.ExitCode))"
  $app = "$env:LOCALAPPDATA\Programs\Reflect"
  Check (Test-Path "$app\reflect.exe") "installed in $app"
  Check (Test-Path "$app\packs\*.reflectpack") 'the pack beside the installer was copied to packs\'
  foreach ($type in @(@('.reflect', 'Reflect.Bundle'), @('.reflectpack', 'Reflect.Pack'))) {
    $suffix, $progid = $type
    $value = (Get-ItemProperty "HKCU:\Software\Classes\$suffix").'(default)'
    Check ($value -eq $progid) "HKCU associates $suffix with $progid"
    $command = (Get-ItemProperty "HKCU:\Software\Classes\$progid\shell\open\command").'(default)'
    Check ($command -like "*$app\reflect.exe*") "$progid opens with $command"
    Check (-not (Test-Path "HKLM:\Software\Classes\$progid")) "nothing machine-wide for $progid"
  }

  Write-Host '-- the installed app'
  Smoke "$app\reflect.exe" @('--require-keyring', '--expect-pack-installed')
  & "$app\reflect.exe" write 'Written before uninstalling: this must survive it.'
  $journal = "$env:LOCALAPPDATA\Reflect\journal.db"
  Check (Test-Path $journal) "the journal is in $journal"

  Write-Host '-- the portable zip, from a folder of the user''s own'
  $portable = "$env:TEMP\reflect-portable"
  Expand-Archive "$Kit\portable.zip" $portable -Force
  Smoke "$portable\reflect\reflect.exe" @()

  Write-Host '-- silent uninstall'
  $uninstall = Start-Process "$app\unins000.exe" -Wait -PassThru -ArgumentList @(
    '/VERYSILENT', '/SUPPRESSMSGBOXES', '/NORESTART', "/LOG=$Kit\uninstall.log")
  Check ($uninstall.ExitCode -eq 0) 'the uninstaller exited 0'
  # The uninstaller finishes from a copy of itself in TEMP: wait for it to remove the app.
  $deadline = (Get-Date).AddMinutes(3)
  while ((Test-Path "$app\reflect.exe") -and (Get-Date) -lt $deadline) { Start-Sleep -Seconds 1 }
  Check (-not (Test-Path "$app\reflect.exe")) 'the app was removed'
  Check (-not (Test-Path 'HKCU:\Software\Classes\Reflect.Bundle')) 'the associations were removed'
  Check (Test-Path $journal) 'the journal was left in place'
  Check ((Get-Content "$Kit\uninstall.log" -Raw) -like '*Your journal was not touched*') `
    'the uninstaller said the journal was kept'
  Stop-Transcript | Out-Null
  exit 0
} catch {
  Write-Host $_
  Stop-Transcript | Out-Null
  exit 1
}
