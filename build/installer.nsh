; Included by electron-builder's NSIS script (electron-builder.yml: nsis.include).
;
; 1. hash-workbench.cmd next to "Hash Workbench.exe", so the installed app serves the command-line tool:
;    `"C:\...\Hash Workbench\hash-workbench.cmd" diagnose https://...` runs `"Hash Workbench.exe" --cli diagnose https://...`,
;    which the app's main process handles without a window. Add the installation folder to PATH yourself to type plain
;    `hash-workbench`; the installer leaves PATH alone.
; 2. Where users start, per user under HKCU\Software\Classes (electron-builder registers fileAssociations only for
;    per-machine installs, and this one is per user): "Open with" for the checksum files and case files,
;    "Hash with Hash Workbench" on every file (*\shell) and folder (Directory\shell), "Verify with Hash Workbench" on the
;    checksum extensions. Explicit verbs (--hash, --verify), so "Hash with" on a .sha256 file hashes it. Windows 11
;    lists these under "Show more options". All of it is removed on uninstall.

!define HW_EXE "$INSTDIR\${APP_EXECUTABLE_FILENAME}"
!define HW_CLASSES "Software\Classes"

; A checksum extension: "Open with" (OpenWithProgids, so an existing default is kept) and "Verify with".
!macro HWChecksumExt EXT
  WriteRegStr HKCU "${HW_CLASSES}\.${EXT}\OpenWithProgids" "HashWorkbench.checksum" ""
  WriteRegStr HKCU "${HW_CLASSES}\SystemFileAssociations\.${EXT}\shell\HashWorkbench.verify" "" "Verify with Hash Workbench"
  WriteRegStr HKCU "${HW_CLASSES}\SystemFileAssociations\.${EXT}\shell\HashWorkbench.verify" "Icon" '"${HW_EXE}",0'
  WriteRegStr HKCU "${HW_CLASSES}\SystemFileAssociations\.${EXT}\shell\HashWorkbench.verify\command" "" '"${HW_EXE}" --verify "%1"'
!macroend

!macro HWChecksumExtRemove EXT
  DeleteRegValue HKCU "${HW_CLASSES}\.${EXT}\OpenWithProgids" "HashWorkbench.checksum"
  DeleteRegKey /ifempty HKCU "${HW_CLASSES}\.${EXT}\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "${HW_CLASSES}\.${EXT}"
  DeleteRegKey HKCU "${HW_CLASSES}\SystemFileAssociations\.${EXT}\shell\HashWorkbench.verify"
!macroend

!macro customInstall
  FileOpen $0 "$INSTDIR\hash-workbench.cmd" w
  FileWrite $0 "@echo off$\r$\n"
  FileWrite $0 "rem Hash Workbench command-line tool: runs the installed app in CLI mode.$\r$\n"
  FileWrite $0 '"%~dp0${APP_EXECUTABLE_FILENAME}" --cli %*$\r$\n'
  FileWrite $0 "exit /b %ERRORLEVEL%$\r$\n"
  FileClose $0

  ; The document types "Open with" offers.
  WriteRegStr HKCU "${HW_CLASSES}\HashWorkbench.checksum" "" "Checksum file"
  WriteRegStr HKCU "${HW_CLASSES}\HashWorkbench.checksum\DefaultIcon" "" '"${HW_EXE}",0'
  WriteRegStr HKCU "${HW_CLASSES}\HashWorkbench.checksum\shell\open\command" "" '"${HW_EXE}" --verify "%1"'
  WriteRegStr HKCU "${HW_CLASSES}\HashWorkbench.case" "" "Hash Workbench case file"
  WriteRegStr HKCU "${HW_CLASSES}\HashWorkbench.case\DefaultIcon" "" '"${HW_EXE}",0'
  WriteRegStr HKCU "${HW_CLASSES}\HashWorkbench.case\shell\open\command" "" '"${HW_EXE}" "%1"'
  WriteRegStr HKCU "${HW_CLASSES}\.hwcase\OpenWithProgids" "HashWorkbench.case" ""

  !insertmacro HWChecksumExt sha256
  !insertmacro HWChecksumExt sha1
  !insertmacro HWChecksumExt md5
  !insertmacro HWChecksumExt sha512
  !insertmacro HWChecksumExt b3
  !insertmacro HWChecksumExt sfv

  ; "Hash with Hash Workbench" on every file and every folder.
  WriteRegStr HKCU "${HW_CLASSES}\*\shell\HashWorkbench.hash" "" "Hash with Hash Workbench"
  WriteRegStr HKCU "${HW_CLASSES}\*\shell\HashWorkbench.hash" "Icon" '"${HW_EXE}",0'
  WriteRegStr HKCU "${HW_CLASSES}\*\shell\HashWorkbench.hash\command" "" '"${HW_EXE}" --hash "%1"'
  WriteRegStr HKCU "${HW_CLASSES}\Directory\shell\HashWorkbench.hash" "" "Hash with Hash Workbench"
  WriteRegStr HKCU "${HW_CLASSES}\Directory\shell\HashWorkbench.hash" "Icon" '"${HW_EXE}",0'
  WriteRegStr HKCU "${HW_CLASSES}\Directory\shell\HashWorkbench.hash\command" "" '"${HW_EXE}" --hash "%1"'

  ; SHCNE_ASSOCCHANGED: Explorer reads the new entries without a sign-out.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro customUnInstall
  Delete "$INSTDIR\hash-workbench.cmd"

  !insertmacro HWChecksumExtRemove sha256
  !insertmacro HWChecksumExtRemove sha1
  !insertmacro HWChecksumExtRemove md5
  !insertmacro HWChecksumExtRemove sha512
  !insertmacro HWChecksumExtRemove b3
  !insertmacro HWChecksumExtRemove sfv
  DeleteRegValue HKCU "${HW_CLASSES}\.hwcase\OpenWithProgids" "HashWorkbench.case"
  DeleteRegKey /ifempty HKCU "${HW_CLASSES}\.hwcase\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "${HW_CLASSES}\.hwcase"
  DeleteRegKey HKCU "${HW_CLASSES}\HashWorkbench.checksum"
  DeleteRegKey HKCU "${HW_CLASSES}\HashWorkbench.case"
  DeleteRegKey HKCU "${HW_CLASSES}\*\shell\HashWorkbench.hash"
  DeleteRegKey HKCU "${HW_CLASSES}\Directory\shell\HashWorkbench.hash"

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend
