"""Allow ``python -m reflect``."""

from reflect.cli.main import main

main()
