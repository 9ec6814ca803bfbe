"""Render: Archive -> the site's Markdown pages, downloads, open data and stylesheet.

    from archive_builder.render import render_site, mkdocs_yml
"""

from archive_builder.render.site import mkdocs_yml, render_site

__all__ = ["mkdocs_yml", "render_site"]
