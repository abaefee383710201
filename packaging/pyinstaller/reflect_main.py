"""Entry point of the PyInstaller bundle: the same ``main`` as the ``reflect`` console script."""

from reflect.cli.main import main

if __name__ == "__main__":
    main()
