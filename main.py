"""OpenUp Desk: with no command the program opens; `python main.py --help` lists the commands."""

from __future__ import annotations

import sys

if __name__ == "__main__":
    from desktop.cli import main

    sys.exit(main(sys.argv[1:]))
