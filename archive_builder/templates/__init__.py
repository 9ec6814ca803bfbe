"""Files `archive init` and the render stage write as they are: mkdocs.yml and the site's CSS."""
