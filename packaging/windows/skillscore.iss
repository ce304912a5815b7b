; skillscore's Windows installer (Inno Setup 6). Built by .github/workflows/windows.yml:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=..\..\dist\skillscore packaging\windows\skillscore.iss
; Per user, without administrator rights: the program goes to %LOCALAPPDATA%\Programs,
; shortcuts and file associations to the user's own Start menu and registry (HKCU).
; Competition files live in Documents\skillscore and backups beside them: neither an
; upgrade nor the uninstaller ever touches them (tests/test_windows_packaging.py).
; Saved as UTF-8 with a byte-order mark, which is how Inno Setup 6 reads Chinese.

#define AppName "职工技能大赛成绩管理"
#define Publisher "北京市职工职业技能大赛组委会"
#ifndef SourceDir
  #define SourceDir "..\..\dist\skillscore"
#endif
#ifndef AppVersion
  #define AppVersion GetVersionNumbersString(AddBackslash(SourceDir) + "skillscore-gui.exe")
#endif

[Setup]
; The AppId never changes: it is how an upgrade finds the installed copy.
AppId={{87B20782-6E64-4498-8D0C-857EB81F0D72}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#Publisher}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} 安装程序
PrivilegesRequired=lowest
DefaultDirName={autopf}\skillscore
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
; An upgrade closes a running desk first (every mark is already saved in the file).
CloseApplications=yes
RestartApplications=no
SetupIconFile=..\..\resources\icon\skillscore.ico
UninstallDisplayIcon={app}\skillscore-gui.exe
UninstallDisplayName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=skillscore-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the old program files: libraries a newer build no longer ships must
; not linger and be loaded. Only the program folder: never the user's files.
Type: filesandordirs; Name: "{app}\_internal"

[UninstallDelete]
; What the program makes from its own files and can make again (the unpacked rare-name fonts, ReportLab's
; parse of the fonts: system/packed.py, reports/font_cache.py), ~45 MB. Settings and logs
; beside it stay; competition files and backups are in Documents and are never touched.
Type: filesandordirs; Name: "{localappdata}\skillscore\cache"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\skillscore-gui.exe"; WorkingDir: "{userdocs}"; Comment: "北京市职工职业技能大赛 成绩管理"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\skillscore-gui.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; Double-clicking a competition file opens it in the desk.
Root: HKA; Subkey: "Software\Classes\.skillscore"; ValueType: string; ValueName: ""; ValueData: "skillscore.Competition"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.skillscore\OpenWithProgids"; ValueType: string; ValueName: "skillscore.Competition"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\skillscore.Competition"; ValueType: string; ValueName: ""; ValueData: "职工技能大赛竞赛文件"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\skillscore.Competition\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\skillscore-gui.exe,0"
Root: HKA; Subkey: "Software\Classes\skillscore.Competition\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\skillscore-gui.exe"" ""%1"""
; Double-clicking a handoff file opens the desk's handoff check.
Root: HKA; Subkey: "Software\Classes\.sspkg"; ValueType: string; ValueName: ""; ValueData: "skillscore.Handoff"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.sspkg\OpenWithProgids"; ValueType: string; ValueName: "skillscore.Handoff"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\skillscore.Handoff"; ValueType: string; ValueName: ""; ValueData: "成绩交接文件"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\skillscore.Handoff\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\skillscore-gui.exe,0"
Root: HKA; Subkey: "Software\Classes\skillscore.Handoff\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\skillscore-gui.exe"" ""%1"""

[Run]
Filename: "{app}\skillscore-gui.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
