"""`python -m archive_builder` is the `archive` command."""

from .cli import main

main()
