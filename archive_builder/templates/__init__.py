"""Files `archive init` and the render stage write as they are: mkdocs.yml, the site's CSS and its script."""
