"""Make the translation catalogue from the source, and compile the translations that exist.

Qt's tools do the work: ``pyside6-lupdate`` reads every module under src/reconnect and
writes resources/translations/reconnect_en.ts, the catalogue of every text a person sees
(English, the source language). Other ``reconnect_<language>.ts`` files there are updated
with new and changed texts, then compiled by ``pyside6-lrelease`` into the ``.qm`` files the
app loads for that language (see ``reconnect.ui.translations``).

Run it after changing any text a person sees:
``.venv/bin/python scripts/update_translations.py``. With ``--check`` it only says whether
the checked-in catalogue is up to date (exit status 1 when not); ``--ts FILE`` writes the
catalogue to FILE instead, touching nothing else.

How texts are marked: ``self.tr("...")`` in Qt classes, ``QCoreApplication.translate("Context",
"...")`` elsewhere, ``QT_TRANSLATE_NOOP("Context", "...")`` for texts kept in constants, and
``translate("Context", "...")`` from ``reconnect.core.i18n`` in the plain-Python core. Values
go in with ``str.format`` after translating, never with an f-string inside.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "reconnect"
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUE = TRANSLATIONS / "reconnect_en.ts"
SOURCE_LANGUAGE = "en"

# (context, source text, disambiguation, plural)
Message = tuple[str, str, str, bool]


def tool(name: str) -> str:
    """A Qt tool from the same environment as this Python, else from the PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"update_translations: {name} is missing; install PySide6 (scripts/setup)")
    return found


def python_sources() -> list[Path]:
    return sorted(path for path in SOURCES.rglob("*.py") if "__pycache__" not in path.parts)


def run_lupdate(targets: list[Path], *, drop_obsolete: bool, target_language: str) -> str:
    """Extract the texts of every source module into ``targets``; returns lupdate's report."""
    with tempfile.TemporaryDirectory() as scratch:
        listing = Path(scratch) / "sources.lst"
        listing.write_text("\n".join(str(p) for p in python_sources()) + "\n", encoding="utf-8")
        command = [
            tool("pyside6-lupdate"),
            f"@{listing}",
            "-locations",
            "none",  # line numbers would change the catalogue at every unrelated edit
            "-source-language",
            SOURCE_LANGUAGE,
            "-target-language",
            target_language,
            "-ts",
            *(str(t) for t in targets),
        ]
        if drop_obsolete:
            command.insert(2, "-no-obsolete")
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"update_translations: lupdate failed:\n{done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def write_catalogue(target: Path) -> str:
    """The source catalogue, made afresh (texts no longer in the source are dropped)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    return run_lupdate([target], drop_obsolete=True, target_language=SOURCE_LANGUAGE)


def messages(ts_file: Path) -> set[Message]:
    """The texts a ``.ts`` file holds, leaving out those marked obsolete or vanished."""
    found: set[Message] = set()
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else ""
            if kind in ("obsolete", "vanished"):
                continue
            found.add(
                (
                    name,
                    message.findtext("source") or "",
                    message.findtext("comment") or "",
                    message.get("numerus") == "yes",
                )
            )
    return found


def translations() -> list[Path]:
    """The translated catalogues: every ``reconnect_*.ts`` but the source one."""
    return sorted(p for p in TRANSLATIONS.glob("reconnect_*.ts") if p != CATALOGUE)


def release(ts_file: Path) -> Path:
    """Compile a translated catalogue into the ``.qm`` beside it."""
    qm_file = ts_file.with_suffix(".qm")
    done = subprocess.run(
        [tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"update_translations: lrelease failed:\n{done.stdout}{done.stderr}")
    return qm_file


def check() -> int:
    """0 when the checked-in catalogue has exactly the texts of the source, else 1."""
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / CATALOGUE.name
        write_catalogue(fresh)
        wanted = messages(fresh)
    have = messages(CATALOGUE) if CATALOGUE.exists() else set()
    if have == wanted:
        print(f"{CATALOGUE.relative_to(ROOT)} is up to date ({len(have)} texts).")
        return 0
    for label, texts in (("missing", wanted - have), ("no longer in the source", have - wanted)):
        for context, source, _comment, _plural in sorted(texts)[:20]:
            print(f"  {label}: [{context}] {source[:70]!r}")
    print(f"{CATALOGUE.relative_to(ROOT)} is out of date: run scripts/update_translations.py")
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is up to date")
    parser.add_argument("--ts", type=Path, help="write the catalogue here, and nothing else")
    options = parser.parse_args(argv)
    if options.check:
        return check()
    if options.ts is not None:
        write_catalogue(options.ts)
        print(f"{options.ts}: {len(messages(options.ts))} texts")
        return 0
    write_catalogue(CATALOGUE)
    print(f"{CATALOGUE.relative_to(ROOT)}: {len(messages(CATALOGUE))} texts")
    for ts_file in translations():
        language = ts_file.stem.removeprefix("reconnect_")
        run_lupdate([ts_file], drop_obsolete=False, target_language=language)
        print(f"{ts_file.relative_to(ROOT)} -> {release(ts_file).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
