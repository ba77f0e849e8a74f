"""The stanza backend against tiny models trained here with stanza's own trainers.

No stanza model hub is reachable from CI, so a session fixture trains a toy tokenizer and
a toy NER tagger (a few seconds on CPU) and lays them out as a stanza resources
directory. They prove the loading paths, the label mapping and the offsets; they say
nothing about the quality of real stanza models.
"""

from __future__ import annotations

import importlib.util
import json
import lzma
import os
import random
from pathlib import Path

import overlong
import pytest

# CI installs the stanza extra, and there a missing one fails instead of skipping.
if importlib.util.find_spec("stanza") is None and not os.environ.get("CI"):
    pytest.skip(
        "the stanza extra is not installed: see the README's stanza line for a CPU torch",
        allow_module_level=True,
    )

import torch
from stanza.models import ner_tagger, tokenizer
from stanza.models.common.pretrain import Pretrain

from factx.model import Document, Label
from factx.ner.stanza import StanzaModelsMissing, StanzaNER, pretokenize
from factx.pieces import MODEL_CHARS

FILLERS = {
    "PER": [["Angela", "Merkel"], ["John", "Smith"], ["Maria", "Garcia"]],
    "ORG": [["Siemens"], ["United", "Nations"], ["Google"]],
    "LOC": [["Berlin"], ["Paris"], ["Kenya"]],
}
# "Olympics" is MISC, a stanza type that factx must drop.
TEMPLATES = [
    "PER works for ORG in LOC .",
    "PER visited LOC before the Olympics .",
    "ORG opened an office in LOC .",
    "Yesterday PER met the head of ORG .",
]
TEXT = "Angela Merkel works for Siemens in Berlin. Maria Garcia visited Paris before the Olympics."
EXPECTED = {
    ("Angela Merkel", Label.PERSON),
    ("Siemens", Label.ORG),
    ("Berlin", Label.LOCATION),
    ("Maria Garcia", Label.PERSON),
    ("Paris", Label.LOCATION),
}


def toy_sentences() -> list[list[tuple[str, str]]]:
    """Every template with every filler, in BIO tags."""
    sentences = []
    for template in TEMPLATES:
        for i in range(3):
            for shift in range(3):
                picks = {"PER": i, "ORG": (i + shift) % 3, "LOC": (i + 2 * shift) % 3}
                sent: list[tuple[str, str]] = []
                for slot in template.split():
                    if slot in FILLERS:
                        words = FILLERS[slot][picks[slot]]
                        sent += [(w, ("I-" if j else "B-") + slot) for j, w in enumerate(words)]
                    else:
                        sent.append((slot, "B-MISC" if slot == "Olympics" else "O"))
                sentences.append(sent)
    return sentences


def write_tokenizer_data(sentences: list[list[tuple[str, str]]], txt: Path, labels: Path) -> None:
    """Raw text plus stanza's per-character labels: 1 ends a token, 2 ends a sentence."""
    paras, marks = [], []
    for start in range(0, len(sentences), 3):
        text = mark = ""
        for sent in sentences[start : start + 3]:
            for k, (word, _) in enumerate(sent):
                if text and word != ".":
                    text, mark = text + " ", mark + "0"
                text += word
                mark += "0" * (len(word) - 1) + ("2" if k == len(sent) - 1 else "1")
        paras.append(text)
        marks.append(mark)
    txt.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    labels.write_text("\n\n".join(marks) + "\n", encoding="utf-8")


@pytest.fixture(scope="session")
def stanza_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A stanza resources dir with an 'en' package 'toy': tokenizer, NER, pretrain."""
    work = tmp_path_factory.mktemp("stanza_build")
    root = tmp_path_factory.mktemp("stanza_resources")
    sentences = toy_sentences()
    rng = random.Random(0)
    vocab = sorted({w.lower() for sent in sentences for w, _ in sent})
    with lzma.open(work / "vectors.xz", "wt", encoding="utf-8") as f:
        f.write(f"{len(vocab)} 16\n")
        for word in vocab:
            f.write(word + " " + " ".join(f"{rng.uniform(-1, 1):.4f}" for _ in range(16)) + "\n")
    pretrain = root / "en" / "pretrain" / "toy.pt"
    Pretrain(str(pretrain), str(work / "vectors.xz")).load()  # writes the .pt
    doc = [[{"id": k + 1, "text": w, "ner": t} for k, (w, t) in enumerate(s)] for s in sentences]
    (work / "ner.json").write_text(json.dumps(doc), encoding="utf-8")
    write_tokenizer_data(sentences, work / "tok.txt", work / "tok.labels")
    (work / "mwt.json").write_text("[]", encoding="utf-8")

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny models; two threads on a busy 2-core box crawl
    try:
        ner_tagger.main([
            "--train_file", str(work / "ner.json"), "--eval_file", str(work / "ner.json"),
            "--wordvec_pretrain_file", str(pretrain), "--shorthand", "en_toy", "--cpu",
            "--save_dir", str(root / "en" / "ner"), "--save_name", "toy.pt",
            "--hidden_dim", "32", "--char_hidden_dim", "16", "--char_emb_dim", "16",
            "--optim", "adam", "--lr", "0.01", "--dropout", "0.1", "--word_dropout", "0",
            "--batch_size", "8", "--max_steps", "150", "--eval_interval", "100000",
        ])  # fmt: skip
        tokenizer.main([
            "--txt_file", str(work / "tok.txt"), "--label_file", str(work / "tok.labels"),
            "--dev_txt_file", str(work / "tok.txt"), "--dev_label_file", str(work / "tok.labels"),
            "--mwt_json_file", str(work / "mwt.json"), "--no_use_mwt", "--cpu",
            "--lang", "en", "--shorthand", "en_toy", "--hidden_dim", "16", "--emb_dim", "16",
            "--save_dir", str(root / "en" / "tokenize"), "--save_name", "toy.pt",
            "--batch_size", "8", "--steps", "200", "--eval_steps", "100000",
        ])  # fmt: skip
    finally:
        torch.set_num_threads(threads)
    resources = {
        "en": {
            "lang_name": "English",
            "packages": {"default": {"tokenize": "toy", "ner": "toy"}},
            "tokenize": {"toy": {}},
            "pretrain": {"toy": {}},
            "ner": {"toy": {"dependencies": [{"model": "pretrain", "package": "toy"}]}},
        }
    }
    (root / "resources.json").write_text(json.dumps(resources), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def stanza_ner(stanza_dir: Path) -> StanzaNER:
    """Loaded the way a user's downloaded models load: language and directory only."""
    return StanzaNER("en", model_dir=str(stanza_dir))


def found(ner: StanzaNER, text: str) -> set[tuple[str, str]]:
    mentions = list(ner.extract(Document("d", text, "en")))
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert all(m.label in StanzaNER.labels for m in mentions)
    return {(m.text, m.label) for m in mentions}


def test_stanza_loads_downloaded_layout_and_maps_offsets(stanza_ner):
    # Leading blanks stand in for a header blanked by Document.body_view.
    assert found(stanza_ner, "      " + TEXT) >= EXPECTED


def test_stanza_drops_types_factx_does_not_know(stanza_ner):
    assert "MISC" in {ent.type for ent in stanza_ner.nlp(TEXT).ents}
    assert "Olympics" not in {text for text, _ in found(stanza_ner, TEXT)}


def test_stanza_explicit_files_with_regex_tokens(stanza_dir, tmp_path):
    ner = StanzaNER(
        "en",
        model_dir=str(tmp_path),  # no resources.json: nothing is looked up there
        ner_model_path=str(stanza_dir / "en" / "ner" / "toy.pt"),
        pretrain_path=str(stanza_dir / "en" / "pretrain" / "toy.pt"),
        pretokenized=True,
    )
    text = TEXT.replace(" works", "\n works").replace(". ", ".\n\n  ")
    assert found(ner, text) >= EXPECTED
    assert found(ner, " \n ") == set()


def test_pretokenize_keeps_original_offsets():
    text = "Mr.  O'Neil left\nU.N. talks."
    sents = pretokenize(text)
    assert [[text[s:e] for s, e in sent] for sent in sents] == [
        ["Mr", "."],
        ["O'Neil", "left"],
        ["U.N", "."],
        ["talks", "."],
    ]


def test_stanza_missing_models_name_the_download_command(tmp_path):
    with pytest.raises(StanzaModelsMissing) as err:
        StanzaNER("de", model_dir=str(tmp_path))
    message = str(err.value)
    assert isinstance(err.value, RuntimeError)
    assert "'de'" in message and str(tmp_path) in message
    assert "python -c \"import stanza; stanza.download('de', processors='tokenize,ner'" in message


def test_stanza_missing_explicit_file_is_named(stanza_dir, tmp_path):
    with pytest.raises(StanzaModelsMissing, match="ner_model_path"):
        StanzaNER(
            "en",
            ner_model_path=str(tmp_path / "nope.pt"),
            pretrain_path=str(stanza_dir / "en" / "pretrain" / "toy.pt"),
            pretokenized=True,
        )


def test_stanza_gets_an_over_long_sentence_in_pieces(stanza_ner, monkeypatch):
    lengths: list[int] = []
    monkeypatch.setattr(stanza_ner, "nlp", overlong.recording(stanza_ner.nlp, lengths))
    filler = "the head of the office said that "
    overlong.check(stanza_ner.extract, "en", TEXT, filler, 3000, lengths, MODEL_CHARS)
