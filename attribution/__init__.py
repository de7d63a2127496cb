"""attribution: turn news articles into a source-attribution graph."""
