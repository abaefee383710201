"""PyInstaller hook for the ``reflect`` package: its data files and the modules it imports late.

``resources/`` is copied into the installed package at build time (setup.py), so the bundle
carries it at ``reflect/resources`` and ``reflect.resources`` finds it as it does in a wheel.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("reflect")
# Imported inside functions so the command line starts fast; modulegraph finds most of these,
# listing them all keeps a future lazy import from going missing in the bundle only.
hiddenimports = collect_submodules("reflect.ui") + collect_submodules("reflect.formats")
