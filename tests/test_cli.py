from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest

from factx.cli import main

FIRST_COLUMNS = [
    "doc_id",
    "lang",
    "doc_date",
    "label",
    "text",
    "start",
    "end",
    "norm",
    "value",
    "unit",
    "per",
    "sentence",
    "extractor",
]


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory, seeds, all_languages):
    """The README's main job, run as a user runs it: the console script on the seeds."""
    out = tmp_path_factory.mktemp("out")
    proc = subprocess.run(
        [sys.executable, "-m", "factx.cli", "run", str(seeds), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    return out, proc.stdout


def test_seeds_run_writes_the_three_tables(seeds_run):
    out, stdout = seeds_run
    assert "2 documents" in stdout and "0 errors" in stdout
    mentions = pd.read_csv(out / "mentions.csv", keep_default_na=False)
    assert list(mentions.columns[:13]) == FIRST_COLUMNS
    docs = pd.read_csv(out / "documents.csv")
    assert docs["mentions"].sum() == len(mentions)
    assert pd.read_csv(out / "errors.csv").empty


def test_seeds_offsets_point_into_the_file_text(seeds_run, seeds):
    out, _ = seeds_run
    mentions = pd.read_csv(out / "mentions.csv", keep_default_na=False)
    for row in mentions.itertuples():
        text = (seeds / f"{row.doc_id}.txt").read_text(encoding="utf-8")
        assert text[row.start : row.end] == row.text
        assert row.text in row.sentence


EXPECTED = [
    ("000_2937e06c744ea3c2", "PERSON", "Владимир Путин", "Vladimir Putin"),
    ("000_2937e06c744ea3c2", "COUNTRY", "России", "RU"),
    ("000_2937e06c744ea3c2", "COUNTRY", "США", "US"),
    ("000_2937e06c744ea3c2", "COUNTRY", "Китая", "CN"),
    ("003_11e9db3739fcbb72", "COUNTRY", "Nga", "RU"),
    ("003_11e9db3739fcbb72", "COUNTRY", "Mỹ", "US"),
    ("003_11e9db3739fcbb72", "COUNTRY", "Trung Quốc", "CN"),
    ("003_11e9db3739fcbb72", "PERSON", "Putin", "Vladimir Putin"),
]


@pytest.mark.parametrize(("doc_id", "label", "text", "norm"), EXPECTED)
def test_seeds_give_the_people_and_countries_a_reader_finds(seeds_run, doc_id, label, text, norm):
    out, _ = seeds_run
    mentions = pd.read_csv(out / "mentions.csv", keep_default_na=False)
    rows = mentions[(mentions.doc_id == doc_id) & (mentions.text == text)]
    assert (label, norm) in set(zip(rows.label, rows.norm, strict=True))


def test_a_batch_with_bad_files_goes_on_and_reports_each(tmp_path, all_languages, capsys):
    (tmp_path / "good.txt").write_text(" date 2025-11-05 Путин прибыл в Китай.", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\xff")
    (tmp_path / "cp.txt").write_bytes("Привет".encode("cp1251"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "b.jsonl").write_text(
        '{"id": "j1", "text": "Hello from the US."}\n{oops\n', encoding="utf-8"
    )
    out = tmp_path / "out"
    assert main(["run", str(tmp_path), "--out", str(out)]) == 0
    errors = pd.read_csv(out / "errors.csv")
    assert len(errors) == 4
    assert errors["source"].str.contains("bin.txt|cp.txt|empty.txt|b.jsonl:2").all()
    docs = pd.read_csv(out / "documents.csv")
    assert sorted(docs["doc_id"]) == ["good", "j1"]
    assert "4 errors" in capsys.readouterr().out


def test_a_run_where_nothing_succeeds_exits_non_zero(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["run", str(tmp_path), "--out", str(tmp_path / "out")]) == 1
    assert "no document could be processed" in capsys.readouterr().err


def test_unknown_pipeline_is_one_line_with_the_fix(tmp_path, capsys):
    assert main(["run", str(tmp_path), "--pipeline", "nope"]) == 2
    assert "Pass a path" in capsys.readouterr().err


def test_plugins_lists_extractors_with_languages_and_labels(capsys):
    assert main(["plugins"]) == 0
    out = capsys.readouterr().out
    assert "natasha" in out and "PERSON" in out


# Libraries that cost seconds to import; listing plugins must not need any of them.
HEAVY = ("torch", "spacy", "stanza", "underthesea", "natasha", "pandas", "pyarrow", "pint")


@pytest.mark.parametrize("argv", [["plugins"], ["plugins", "--help"]])
def test_listing_plugins_imports_no_model_or_table_library(argv):
    """In a fresh interpreter, since this one has imported them all already."""
    code = (
        "import sys\nfrom factx.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        f"print(sorted(set({HEAVY!r}) & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"


def test_a_misspelt_command_gets_the_list_of_commands(capsys):
    with pytest.raises(SystemExit):
        main(["plugin"])
    err = capsys.readouterr().err
    assert "invalid choice: 'plugin'" in err and "'plugins', 'report', 'evaluate'" in err


# Run in a fresh interpreter: records the variable at the moment numpy is first imported
# (OpenBLAS reads it then, once), and whether it is still set after the run.
WHEN_NUMPY_LOADS = """
import os, sys
seen = []
class Watch:
    def find_spec(self, name, path, target=None):
        if name == "numpy" and not seen:
            seen.append(os.environ.get("OPENBLAS_NUM_THREADS"))
sys.meta_path.insert(0, Watch())
from factx.cli import main
assert main(sys.argv[1:]) == 0
print(seen, "OPENBLAS_NUM_THREADS" in os.environ)
"""


def test_a_run_in_one_process_loads_numpy_with_one_blas_thread(caps, corpus, tmp_path):
    """One worker runs in the CLI's own process: its BLAS must not spin a thread per core."""
    import batchkit

    toml = batchkit.pipeline(tmp_path / "p.toml")
    args = ["run", str(corpus), "--out", str(tmp_path / "out"), "--pipeline", str(toml)]
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run([sys.executable, "-c", WHEN_NUMPY_LOADS, *args, "--quiet",
                           "--workers", "1"], capture_output=True, text=True, env=env)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "['1'] False"


def test_bom_and_quiet_options(tmp_path, capsys):
    import batchkit

    data = tmp_path / "in"
    data.mkdir()
    (data / "a.txt").write_text("=Hello World, -5 and +cmd.", encoding="utf-8")
    (data / "bad.txt").write_bytes(b"")
    with batchkit.plugin_on_path(batchkit.install(tmp_path / "site")):
        toml = batchkit.pipeline(tmp_path / "caps.toml")
        out = tmp_path / "out"
        args = ["run", str(data), "--out", str(out), "--pipeline", str(toml), "--lang", "en"]
        assert main([*args, "--bom", "--quiet"]) == 0
    captured = capsys.readouterr()
    assert "1 document," in captured.out and "1 error," in captured.out and captured.err == ""
    for name in ("mentions", "documents", "errors", "entities"):
        assert (out / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf"), name
    mentions = pd.read_csv(out / "mentions.csv", encoding="utf-8-sig", keep_default_na=False)
    assert set(mentions["text"]) >= {"'=Hello", "World", "-5", "'+cmd."}


# A bad setting fails once, up front: exit 2, one line naming the file and the fix, and
# no document read (so no table written).
BAD_SETTINGS = [
    ("misspelled", '[[lang.en.extractors]]\nname = "spacey"\n', [],
     "Could not find extractor 'spacey'"),
    ("no_such_lang", '[[lang.en.extractors]]\nname = "dates"\n', ["--lang", "xx"],
     "Add a [[lang.xx.extractors]]"),
    ("bad_option", '[[lang.ru.extractors]]\nname = "natasha"\noptions = { colour = "red" }\n',
     [], "Fix its options table"),
    ("wrong_lang", '[[lang.en.extractors]]\nname = "natasha"\n', [], "Remove it from [lang.en]"),
    ("rule_option", '[[lang.en.extractors]]\nname = "dates"\noptions = { colour = "red" }\n',
     [], "Fix its options table"),
]  # fmt: skip


@pytest.mark.parametrize(("case", "toml", "extra", "message"), BAD_SETTINGS)
def test_a_bad_setting_fails_once_before_any_document(tmp_path, capsys, case, toml, extra, message):
    if "natasha" in toml:
        pytest.importorskip("natasha", reason="the ru extra is not installed: factx[ru]")
    data = tmp_path / "in"
    data.mkdir()
    for i in range(3):
        (data / f"a{i}.txt").write_text("Officials met in Paris on Monday.", encoding="utf-8")
    pipeline = tmp_path / f"{case}.toml"
    pipeline.write_text(toml, encoding="utf-8")
    out = tmp_path / "out"
    args = ["run", str(data), "--out", str(out), "--pipeline", str(pipeline), *extra]
    assert main(args) == 2
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert err.count("\n") == 0 and message in err and str(pipeline) in err
    assert captured.out == "" and not (out / "errors.csv").exists()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_an_extractor_that_cannot_be_built_stops_the_run_with_one_line(
    tmp_path, capsys, workers, spacy_ner
):
    data = tmp_path / "in"
    data.mkdir()
    for i in range(40):
        (data / f"a{i:02d}.txt").write_text(f"Story {i} from Paris.", encoding="utf-8")
    pipeline = tmp_path / "p.toml"
    pipeline.write_text(
        '[[lang.en.extractors]]\nname = "spacy"\noptions = { model = ["no_such_model"] }\n',
        encoding="utf-8",
    )
    args = ["run", str(data), "--out", str(tmp_path / "out"), "--pipeline", str(pipeline)]
    assert main([*args, "--lang", "en", "--workers", workers, "--chunk-size", "4"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "could not be built" in err and "no_such_model" in err


def test_an_unreachable_scheduler_is_one_line_after_the_timeout(tmp_path, capsys):
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (tmp_path / "a.txt").write_text("Hello Paris.", encoding="utf-8")
    args = ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--lang", "en"]
    address = f"tcp://127.0.0.1:{port}"
    extra = ["--engine", "dask", "--scheduler", address, "--scheduler-timeout", "1"]
    assert main([*args, *extra]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert f"cannot reach the Dask scheduler at {address}" in err and "dask scheduler" in err


def test_help_describes_the_tool(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "multilingual news" in out and "thin command line" not in out
    with pytest.raises(SystemExit):
        main(["run", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "(default: data/out)" in out and "(default: news" in out


# (case, input, code run before factx, its stdout, exit status, in stdout, in stderr): on a
# missing input (status 1) or a text: `factx` leaves without the interpreter's teardown
# (cli.entry), and what it prints, its status, the exit handlers and the threads still
# running must all survive that, as must a stdout that is missing, full or gone.
GONE = "r, w = os.pipe(); os.close(r); sys.stdout = open(w, 'w', buffering=1)"
ENTRY_CASES = [
    ("exit handlers run", "missing", "atexit.register(lambda: print('handler ran'))",
     "pipe", 1, ["1 error", "handler ran"], ["no such file or folder"]),
    ("a running thread is waited for", "missing",
     "threading.Thread(target=lambda: (time.sleep(0.3), print('thread done'))).start()",
     "pipe", 1, ["1 error", "thread done"], ["no such file or folder"]),
    ("no stdout at all", "missing", "", "closed", 1, [], ["no such file or folder"]),
    ("no stderr at all", "text", "", "no stderr", 0, ["1 document, 1 mention"], []),
    ("a run that succeeds exits 0", "text", "", "pipe", 0, ["1 document, 1 mention"], []),
    ("a full disk is said", "text", "sys.stdout = open('/dev/full', 'w', buffering=1 << 16)",
     "pipe", 120, [], ["could not write the output", "No space left"]),
    ("a reader gone before the summary", "text", GONE, "pipe", 1, [], []),
]  # fmt: skip


@pytest.mark.parametrize(
    ("case", "given", "before", "stdout", "status", "out", "err"),
    ENTRY_CASES,
    ids=[c[0] for c in ENTRY_CASES],
)
def test_the_command_s_way_out(tmp_path, case, given, before, stdout, status, out, err):
    code = (
        "import atexit, os, sys, threading, time\n"
        "from factx import cli\n"
        f"{before}\n"
        "sys.argv = ['factx', 'run', *sys.argv[1:]]\n"
        "cli.entry()\n"
    )
    source = tmp_path / given
    args = [sys.executable, "-c", code, str(source), "--out", str(tmp_path / "out")]
    if given == "text":  # the percent extractor alone: no model to load
        source.mkdir()
        (source / "a.txt").write_text("В марте 2024 года цены выросли на 5%.", encoding="utf-8")
        rules = tmp_path / "rules.toml"
        rules.write_text('[[lang.ru.extractors]]\nname = "percent"\n', encoding="utf-8")
        args += ["--lang", "ru", "--pipeline", str(rules)]
    closing = {"closed": 1, "no stderr": 2}.get(stdout)
    closed = (lambda: os.close(closing)) if closing else None
    done = subprocess.run(args, capture_output=True, text=True, timeout=300, preexec_fn=closed)
    assert done.returncode == status, done.stderr
    assert all(text in (done.stdout or "") for text in out), done.stdout
    assert all(text in (done.stderr or "") for text in err), done.stderr
    assert "Traceback" not in (done.stderr or "")
    if given == "text" and status != 120:
        assert (tmp_path / "out" / "mentions.csv").read_text(encoding="utf-8").count("\n") == 2
