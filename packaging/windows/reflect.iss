; Inno Setup recipe for Reflect on Windows 10 and later (64-bit).
;
; Built by CI (.github/workflows/installers.yml) after packaging/bundle.sh, from the top of the
; checkout:
;   iscc /DAppVersion=0.1.0 packaging\windows\reflect.iss
; Optional defines:
;   /DPack=C:\path\cohort-4.reflectpack   build a facilitator pack into the installer: it goes
;                                         in the packs folder beside reflect.exe, where Reflect
;                                         installs it on start
;   /DSign "/Sreflectsign=signtool sign /fd sha256 /tr http://timestamp.example /td sha256 /f cert.pfx /p PASSWORD $f"
;                                         sign the installer and uninstaller with your own
;                                         certificate (docs/packaging.md, "Signing")
; Output: dist\Reflect-Setup-<version>.exe
;
; Per user by default, no administrator rights needed: the app goes to
; %LOCALAPPDATA%\Programs\Reflect and the file associations to HKEY_CURRENT_USER. IT can choose
; a machine-wide install (Program Files, HKEY_LOCAL_MACHINE) with /ALLUSERS, or in the dialog
; Setup shows. A .reflectpack left beside Reflect-Setup-<version>.exe is copied into the packs
; folder too, so one signed installer serves every cohort.
;
; Silent install and uninstall (docs/facilitators.md, "For IT teams"):
;   Reflect-Setup-<version>.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /CURRENTUSER
;   Reflect-Setup-<version>.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS
;   "%LOCALAPPDATA%\Programs\Reflect\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; Uninstalling removes the app and its associations, never the journal (%LOCALAPPDATA%\Reflect),
; and says so.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define Bundle "..\..\dist\bundle\reflect"
#define Icons "..\..\build\packaging\icons"

[Setup]
; Never change AppId: Windows uses it to recognise upgrades of the same app.
AppId={{6C1E9A52-3F0B-4D7E-9C55-8A4B2E17D0F3}
AppName=Reflect
AppVersion={#AppVersion}
AppPublisher=Reflect
AppComments=A private, local-first journal. Reflect never touches the network.
DefaultDirName={autopf}\Reflect
DefaultGroupName=Reflect
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=Reflect-Setup-{#AppVersion}
SetupIconFile={#Icons}\reflect.ico
UninstallDisplayIcon={app}\reflect.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; PySide6 6.8 LTS runs on Windows 10 1809 and later, 64-bit only.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Per user unless IT asks otherwise: {autopf} is then %LOCALAPPDATA%\Programs and HKA is
; HKEY_CURRENT_USER; /ALLUSERS (or the dialog) makes them Program Files and HKEY_LOCAL_MACHINE.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
UsePreviousPrivileges=yes
ChangesAssociations=yes
#ifdef Sign
SignTool=reflectsign
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; Packs go beside reflect.exe, a drop-in folder Reflect reads in either install mode
; (reflect.paths.drop_in_folders); the uninstaller removes them with the app.
#ifdef Pack
Source: "{#Pack}"; DestDir: "{app}\packs"; Flags: ignoreversion
#endif
; A pack IT or the facilitator left beside the installer.
Source: "{src}\*.reflectpack"; DestDir: "{app}\packs"; Flags: external skipifsourcedoesntexist ignoreversion

[Icons]
Name: "{autoprograms}\Reflect"; Filename: "{app}\reflect.exe"
Name: "{autodesktop}\Reflect"; Filename: "{app}\reflect.exe"; Tasks: desktopicon

[Registry]
; .reflect (a bundle from a trio peer) and .reflectpack (a facilitator pack) open in Reflect:
; the types reflect.exchange.file_types.OPENED lists (tests/packaging checks this file).
; HKA: HKEY_CURRENT_USER in a per-user install, HKEY_LOCAL_MACHINE with /ALLUSERS.
Root: HKA; Subkey: "Software\Classes\.reflect"; ValueType: string; ValueName: ""; ValueData: "Reflect.Bundle"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.reflect"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-reflect-bundle"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.reflect\OpenWithProgids"; ValueType: string; ValueName: "Reflect.Bundle"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Reflect.Bundle"; ValueType: string; ValueName: ""; ValueData: "Reflect bundle"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Reflect.Bundle\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\reflect.exe,0"
Root: HKA; Subkey: "Software\Classes\Reflect.Bundle\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reflect.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.reflectpack"; ValueType: string; ValueName: ""; ValueData: "Reflect.Pack"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.reflectpack"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-reflect-pack"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.reflectpack\OpenWithProgids"; ValueType: string; ValueName: "Reflect.Pack"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Reflect.Pack"; ValueType: string; ValueName: ""; ValueData: "Reflect facilitator pack"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Reflect.Pack\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\reflect.exe,0"
Root: HKA; Subkey: "Software\Classes\Reflect.Pack\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\reflect.exe"" ""%1"""
; "Open with" lists Reflect by its name.
Root: HKA; Subkey: "Software\Classes\Applications\reflect.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "Reflect"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\reflect.exe\SupportedTypes"; ValueType: string; ValueName: ".reflect"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\reflect.exe\SupportedTypes"; ValueType: string; ValueName: ".reflectpack"; ValueData: ""

[Run]
Filename: "{app}\reflect.exe"; Description: "{cm:LaunchProgram,Reflect}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[CustomMessages]
english.JournalKept=Reflect has been removed. Your journal was not touched: it is still in %1 (and, for anyone else who used Reflect on this computer, in their own %2). Reinstall Reflect to carry on where you left off, or delete that folder yourself if you no longer want it.

[Code]
{ The uninstaller never deletes the journal: each user's data folder is outside the app's
  folder. Say so, and where it is; a silent uninstall writes it to the log instead. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Text: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    Text := FmtMessage(CustomMessage('JournalKept'),
      [ExpandConstant('{localappdata}\Reflect'), '%LOCALAPPDATA%\Reflect']);
    Log(Text);
    if not UninstallSilent then
      MsgBox(Text, mbInformation, MB_OK);
  end;
end;
