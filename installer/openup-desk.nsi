; OpenUp Desk's Windows setup: a per-user install (no administrator rights) of the staged
; folder that installer/build.py made: Python\ (the embeddable CPython), pkgs\ (the libraries),
; app\ (the program) and the two launchers. build.py passes on the command line:
;   VERSION (0.1.0), WINDOWS_VERSION (0.1.0.0), STAGE (the staged folder), OUTFILE, ICON.
; The user's data folder (%LOCALAPPDATA%\OpenUpDesk: database, backups, settings, logs) is
; never written or removed here: the uninstaller leaves it for the next version.

Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
SetCompressorDictSize 64
RequestExecutionLevel user
ManifestDPIAware true

!include "MUI2.nsh"
!include "FileFunc.nsh"

!define PRODUCT "OpenUp Desk"
!define PUBLISHER "Jēkabpils galvenā bibliotēka"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\OpenUpDesk"
!define SHORTCUTS "$SMPROGRAMS\${PRODUCT}"
!define APP_ICON "$INSTDIR\app\resources\icons\openup-desk.ico"

Name "${PRODUCT} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\OpenUpDesk"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"

; Shown by Windows in the setup file's Properties → Details.
VIProductVersion "${WINDOWS_VERSION}"
VIFileVersion "${WINDOWS_VERSION}"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT} ${VERSION} setup"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "GPL-3.0-or-later"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_FUNCTION OpenProgram

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Latvian first: the library's language; Lithuanian for the partner in Rokiškis.
!insertmacro MUI_LANGUAGE "Latvian"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Lithuanian"

LangString SectionProgram ${LANG_LATVIAN} "OpenUp Desk"
LangString SectionProgram ${LANG_ENGLISH} "OpenUp Desk"
LangString SectionProgram ${LANG_LITHUANIAN} "OpenUp Desk"
LangString SectionDesktop ${LANG_LATVIAN} "Saīsne uz darbvirsmas"
LangString SectionDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString SectionDesktop ${LANG_LITHUANIAN} "Nuoroda darbalaukyje"
LangString CommandLine ${LANG_LATVIAN} "OpenUp Desk (komandrinda)"
LangString CommandLine ${LANG_ENGLISH} "OpenUp Desk (command line)"
LangString CommandLine ${LANG_LITHUANIAN} "OpenUp Desk (komandinė eilutė)"
LangString Uninstall ${LANG_LATVIAN} "Atinstalēt OpenUp Desk"
LangString Uninstall ${LANG_ENGLISH} "Uninstall OpenUp Desk"
LangString Uninstall ${LANG_LITHUANIAN} "Pašalinti OpenUp Desk"
LangString Description ${LANG_LATVIAN} "Apmeklējums un aprīkojuma izsniegšana projektam OPEN UP"
LangString Description ${LANG_ENGLISH} "Attendance and equipment loans for the OPEN UP project"
LangString Description ${LANG_LITHUANIAN} "Lankomumas ir įrangos išdavimas projektui OPEN UP"

Function .onInit
  ; A silent install takes the Windows language's pages; otherwise the librarian picks.
  IfSilent +2
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function OpenProgram
  Exec '"$INSTDIR\Python\pythonw.exe" "$INSTDIR\app\main.py"'
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "$(SectionProgram)" SecProgram
  SectionIn RO
  ; A new version replaces the old one whole: no library of the old one stays behind.
  RMDir /r "$INSTDIR\Python"
  RMDir /r "$INSTDIR\pkgs"
  RMDir /r "$INSTDIR\app"

  SetOutPath "$INSTDIR"
  File /r "${STAGE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; The window program runs on pythonw.exe: no console window opens beside it.
  CreateDirectory "${SHORTCUTS}"
  CreateShortcut "${SHORTCUTS}\${PRODUCT}.lnk" "$INSTDIR\Python\pythonw.exe" \
    '"$INSTDIR\app\main.py"' "${APP_ICON}" 0 SW_SHOWNORMAL "" "$(Description)"
  ; The commands (user passwd, backup, restore, reports) print to a console of their own.
  CreateShortcut "${SHORTCUTS}\$(CommandLine).lnk" "$SYSDIR\cmd.exe" \
    '/k "$INSTDIR\command-line.cmd"' "${APP_ICON}" 0 SW_SHOWNORMAL "" "$(CommandLine)"
  CreateShortcut "${SHORTCUTS}\$(Uninstall).lnk" "$INSTDIR\uninstall.exe"

  ; The entry in Settings → Apps (current user only).
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "${APP_ICON}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "$(SectionDesktop)" SecDesktop
  SetOutPath "$INSTDIR"
  CreateShortcut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\Python\pythonw.exe" \
    '"$INSTDIR\app\main.py"' "${APP_ICON}" 0 SW_SHOWNORMAL "" "$(Description)"
SectionEnd

Section "Uninstall"
  ; Only what the setup put here: the data folder (%LOCALAPPDATA%\OpenUpDesk) stays.
  Delete "$DESKTOP\${PRODUCT}.lnk"
  RMDir /r "${SHORTCUTS}"
  RMDir /r "$INSTDIR\Python"
  RMDir /r "$INSTDIR\pkgs"
  RMDir /r "$INSTDIR\app"
  Delete "$INSTDIR\openup.cmd"
  Delete "$INSTDIR\command-line.cmd"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
