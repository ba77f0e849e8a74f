"""`factx evaluate`: score factx on a user's own gold data, as `spacy evaluate` does.

``gold`` reads and checks the file, ``run`` runs the pipeline on its texts, ``ner`` and
``facts`` score (with ``match``'s rules for facts), ``scorers`` picks one per format,
``output`` prints. The benchmark scripts score with the same modules.
"""

from factx.evaluate.gold import Gold, GoldError, read
from factx.evaluate.run import Evaluation, evaluate

__all__ = ["Evaluation", "Gold", "GoldError", "evaluate", "read"]
