"""What makes a rebuild fast and safe: the caches of what was read, and the lock of one build at a time."""
