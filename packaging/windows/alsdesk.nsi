; The Windows installer: dist\alsdesk (built on Windows from packaging\alsdesk.spec) into
; Program Files, a Start-menu entry and an uninstaller. docs/installing.md has the steps:
;   makensis /DVERSION=0.1.0 /DBUNDLE=..\..\dist\alsdesk /DOUTFILE=..\..\dist\alsdesk-0.1.0-setup.exe alsdesk.nsi
; Each user's clinic data is in their own %LOCALAPPDATA%\alsdesk: never installed or removed here.
; scripts/bundle-smoke.sh compiles this script against a stand-in folder on Linux.

Unicode true
!ifndef VERSION
  !error "give the version: /DVERSION=0.1.0"
!endif
!ifndef BUNDLE
  !error "give the bundle folder: /DBUNDLE=dist\alsdesk"
!endif
!ifndef OUTFILE
  !define OUTFILE "alsdesk-${VERSION}-setup.exe"
!endif

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\alsdesk"

Name "alsdesk ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\alsdesk"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
RequestExecutionLevel admin
SetCompressor /SOLID lzma
Icon "${BUNDLE}\alsdesk.ico"
UninstallIcon "${BUNDLE}\alsdesk.ico"

Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

Section "alsdesk"
  SetShellVarContext all  ; the Start-menu entry is for every account of the clinic PC
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\alsdesk"
  CreateShortcut "$SMPROGRAMS\alsdesk\alsdesk.lnk" "$INSTDIR\alsdesk-window.exe" "" "$INSTDIR\alsdesk.ico"
  CreateShortcut "$SMPROGRAMS\alsdesk\Uninstall alsdesk.lnk" "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "alsdesk"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\alsdesk.ico"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$SMPROGRAMS\alsdesk\alsdesk.lnk"
  Delete "$SMPROGRAMS\alsdesk\Uninstall alsdesk.lnk"
  RMDir "$SMPROGRAMS\alsdesk"
  ; Only what the installer put there, never the whole folder: a user may have chosen one that
  ; holds other files. The clinic data (%LOCALAPPDATA%\alsdesk of each user) stays.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\alsdesk.exe"
  Delete "$INSTDIR\alsdesk-window.exe"
  Delete "$INSTDIR\alsdesk.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd
