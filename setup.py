"""Build hook: copy the top-level resources/ folder into the package.

The checkout keeps data beside the code (DESIGN.md); installed wheels and bundles find it inside
the package. ``reflect.resources`` looks in both places.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        source = Path(__file__).parent / "resources"
        if source.is_dir():
            target = Path(self.build_lib) / "reflect" / "resources"
            shutil.copytree(source, target, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithResources})
