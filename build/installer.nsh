; Included by electron-builder's NSIS script (electron-builder.yml: nsis.include).
; Adds hash-workbench.cmd next to "Hash Workbench.exe" so the installed app serves the command-line
; tool: `"C:\...\Hash Workbench\hash-workbench.cmd" diagnose https://...` runs
; `"Hash Workbench.exe" --cli diagnose https://...`, which the app's main process handles without a window.
; Add the installation folder to PATH yourself to type plain `hash-workbench`; the installer leaves PATH alone.

!macro customInstall
  FileOpen $0 "$INSTDIR\hash-workbench.cmd" w
  FileWrite $0 "@echo off$\r$\n"
  FileWrite $0 "rem Hash Workbench command-line tool: runs the installed app in CLI mode.$\r$\n"
  FileWrite $0 '"%~dp0${APP_EXECUTABLE_FILENAME}" --cli %*$\r$\n'
  FileWrite $0 "exit /b %ERRORLEVEL%$\r$\n"
  FileClose $0
!macroend

!macro customUnInstall
  Delete "$INSTDIR\hash-workbench.cmd"
!macroend
