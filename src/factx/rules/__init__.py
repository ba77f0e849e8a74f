"""Rule extractors written with the regex package; their words live in factx/lang."""
