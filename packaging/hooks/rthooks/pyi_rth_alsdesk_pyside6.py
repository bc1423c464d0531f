# Replaces PyInstaller's run-time hook for PySide6 (packaging/alsdesk.spec, Linux only): the same
# plugin path, without importing QtCore when the program starts, which PyInstaller's does to embed
# a qt.conf. That import cost every command 0.1-0.2 s though only the window uses Qt; Qt 6 finds its
# translations and plugins relative to its own library, which the bundle keeps in the wheel's layout
# (scripts/bundle-smoke.sh checks that the window's Qt texts come from the bundle).
import os
import sys

os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, "PySide6", "Qt", "plugins")
