"""NER backends: one module per model library, each an extractor plugin."""
