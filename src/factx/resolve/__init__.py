"""Resolvers: passes over one document's mentions, after all extractors have run."""
