"""The ``reflect`` command line: a thin layer over the same services the window uses."""
