"""What the clerk is told: warnings about the archive as a whole, what each file held, the build report."""
