"""``python -m attribution``: the command line, as the ``attribution`` command gives it."""

from attribution.cli import main

if __name__ == "__main__":
    main(prog_name="attribution")
