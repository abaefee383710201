"""PyInstaller hook for the ``reflect`` package: its data files and every one of its modules.

``resources/`` is copied into the installed package at build time (setup.py), so the bundle
carries it at ``reflect/resources`` and ``reflect.resources`` finds it as it does in a wheel.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("reflect")
# Reflect imports some modules late and by name (the CLI loads a command's module with
# importlib only when the command runs; the UI loads when the window opens), which PyInstaller
# cannot see. The package is small: take all of it, so no command goes missing in the bundle.
hiddenimports = collect_submodules("reflect")
# The Markdown renderer (reflect.formats.markdown_html) imports cmarkgfm inside a function, and
# cmarkgfm's compiled cffi module loads _cffi_backend from C, where PyInstaller cannot see it.
hiddenimports += ["cmarkgfm", "cmarkgfm.cmark", "cmarkgfm._cmark", "_cffi_backend"]
# The speller (reflect.services.spelling) imports Hunspell inside a function too; its compiled
# module finds libhunspell beside itself, which PyInstaller follows from the extension.
hiddenimports += ["hunspell", "hunspell.hunspell"]
