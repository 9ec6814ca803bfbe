"""`python -m archive_builder` is the `archive` command."""

from archive_builder.cli import main

main()
