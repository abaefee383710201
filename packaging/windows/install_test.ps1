# Install Reflect silently as a standard user (no administrator rights), smoke-test the
# installed app, uninstall it, and check the journal was left in place. NOT YET RUN: written
# for the installers workflow's Windows runner (.github/workflows/installers.yml), whose own
# account is an administrator; so this makes a throwaway standard user and runs as them.
#
#   pwsh packaging/windows/install_test.ps1 -Setup dist\Reflect-Setup-0.1.0.exe `
#     -Portable dist\Reflect-0.1.0-windows-x64-portable.zip -Pack cohort.reflectpack
#
# The kit folder (this checkout's packaging\, src\reflect\__init__.py and docs\examples\, the
# installer with the pack beside it) is copied where that user can read it.
param(
  [Parameter(Mandatory)] [string] $Setup,
  [Parameter(Mandatory)] [string] $Portable,
  [Parameter(Mandatory)] [string] $Pack
)
$ErrorActionPreference = 'Stop'
$root = (Resolve-Path "$PSScriptRoot\..\..").Path
$python = (Get-Command python).Source

$kit = 'C:\reflect-kit'
Remove-Item -Recurse -Force $kit -ErrorAction SilentlyContinue
New-Item -ItemType Directory "$kit\installer", "$kit\src\reflect", "$kit\docs" | Out-Null
Copy-Item -Recurse "$root\packaging" "$kit\packaging"
Copy-Item "$root\src\reflect\__init__.py" "$kit\src\reflect\"
Copy-Item -Recurse "$root\docs\examples" "$kit\docs\examples"
Copy-Item $Setup, $Pack "$kit\installer\"  # the pack beside the installer, as IT leaves it
Copy-Item $Portable "$kit\portable.zip"
icacls $kit /grant 'Users:(OI)(CI)M' /T /Q | Out-Null

$user = 'reflecttest'
$password = 'Rf1!' + [guid]::NewGuid().ToString('N')
net user $user $password /add /y | Out-Null  # in Users only: no administrator rights
try {
  $credential = New-Object System.Management.Automation.PSCredential(
    ".\$user", (ConvertTo-SecureString $password -AsPlainText -Force))
  $setupName = Split-Path -Leaf $Setup
  $run = Start-Process powershell.exe -Credential $credential -LoadUserProfile -Wait -PassThru `
    -WorkingDirectory $kit -ArgumentList @(
      '-NoProfile', '-ExecutionPolicy', 'Bypass', '-File', "$kit\packaging\windows\install_as_user.ps1",
      '-Kit', $kit, '-Setup', "$kit\installer\$setupName", '-Python', $python)
  Get-Content "$kit\install-test.log" -ErrorAction SilentlyContinue
  if ($run.ExitCode -ne 0) { throw "the install test as a standard user failed (exit $($run.ExitCode))" }
  Write-Host 'INSTALL TEST PASSED: per-user install, smoke test, uninstall, journal kept'
} finally {
  net user $user /delete | Out-Null
}
