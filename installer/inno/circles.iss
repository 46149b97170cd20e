; Inno Setup script for Circles on Windows: installs the PyInstaller folder dist\circles (built on
; Windows, see installer\README.md) with Start-menu and optional desktop shortcuts.
;
;   iscc /DAppVersion=0.1.0 installer\inno\circles.iss     -> dist\circles-0.1.0-windows-x64-setup.exe
;
; Per-user by default (no administrator rights: council laptops are locked down); an administrator
; can choose "install for all users" in the first page.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z installer\inno\circles.iss
#endif

[Setup]
AppId={{27C25EF3-C7A5-40D5-A2CE-CD6D6B0426BF}
AppName=Circles
AppVersion={#AppVersion}
AppVerName=Circles {#AppVersion}
AppPublisher=The Circles team
AppComments=Map a child's circles of support as a genogram, an ecomap and a circles diagram
DefaultDirName={autopf}\Circles
DefaultGroupName=Circles
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=circles-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\circles-desktop.exe
UninstallDisplayName=Circles {#AppVersion}
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder build: circles-desktop.exe, circles.exe and _internal\ (Python, Qt, Graphviz,
; fonts, resources). ignoreversion: every file belongs to this release, whatever its own version.
Source: "..\..\dist\circles\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundle wholesale, so no library from an older release lingers in _internal.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\Circles"; Filename: "{app}\circles-desktop.exe"; Comment: "Map a child's circles of support"
Name: "{autodesktop}\Circles"; Filename: "{app}\circles-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\circles-desktop.exe"; Description: "{cm:LaunchProgram,Circles}"; Flags: nowait postinstall skipifsilent
