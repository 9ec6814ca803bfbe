"""Pages onto disk and the site out of them: the pages written, MkDocs, Pagefind, the last site reused."""
