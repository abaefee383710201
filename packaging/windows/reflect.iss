; Inno Setup recipe for Reflect on Windows 10 and later (64-bit).
;
; Built by CI (.github/workflows/installers.yml) after packaging/bundle.sh, from the top of the
; checkout:
;   iscc /DAppVersion=0.1.0 packaging\windows\reflect.iss
; Optional defines:
;   /DPack=C:\path\cohort-4.reflectpack   place a facilitator pack in the machine-wide drop-in
;                                         folder %ProgramData%\Reflect\packs\, where every
;                                         user's Reflect installs it on start
;   /DSign "/Sreflectsign=signtool sign /fd sha256 /tr http://timestamp.example /td sha256 /f cert.pfx /p PASSWORD $f"
;                                         sign the installer and uninstaller with your own
;                                         certificate (docs/packaging.md, "Signing")
; Output: dist\Reflect-Setup-<version>.exe

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
; Machine-wide: Program Files, file associations for every user, the pack drop-in folder.
PrivilegesRequired=admin
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
#ifdef Pack
Source: "{#Pack}"; DestDir: "{commonappdata}\Reflect\packs"; Flags: ignoreversion
#endif

[Icons]
Name: "{autoprograms}\Reflect"; Filename: "{app}\reflect.exe"
Name: "{autodesktop}\Reflect"; Filename: "{app}\reflect.exe"; Tasks: desktopicon

[Registry]
; .reflect (a bundle from a trio peer) and .reflectpack (a facilitator pack) open in Reflect.
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
