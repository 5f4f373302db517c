"""A settings file with anything in it: the app starts with defaults, says why, and loses nothing.

The values themselves are fuzzed in tests/unit/test_fuzz_inputs.py; here the bytes of
``settings.json`` on disk are, through the same ``SettingsFile`` the app reads at start.
"""

from __future__ import annotations

import json
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconnect.core.settings import DECLARATIONS
from reconnect.settings_store import SettingsFile
from tests.unit.test_fuzz_inputs import assert_clear, setting_values, short_text

NOW = datetime(2026, 11, 17, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
KEYS = [setting.key for setting in DECLARATIONS]
LONGEST = 400 + max(len(setting.description) for setting in DECLARATIONS)

# Each of these stopped the app from starting: json.loads raised RecursionError.
TOO_DEEP = [b"[" * 100_000, b'{"practices.disabled": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"]


def json_text(data: object, ascii_only: bool) -> bytes:
    try:
        return json.dumps(data, ensure_ascii=ascii_only, allow_nan=True).encode(
            "utf-8", "surrogatepass"
        )
    except ValueError:  # an integer of more than 4300 digits: written by hand
        return b'{"rhythm.interval_minutes": ' + b"7" * 5000 + b"}"


settings_files = (
    st.binary(max_size=300)
    | st.sampled_from(TOO_DEEP)
    | st.builds(
        json_text,
        st.dictionaries(st.sampled_from(KEYS) | short_text, setting_values, max_size=5),
        st.booleans(),
    )
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(settings_files)
def test_any_settings_file_gives_settings_and_reasons_and_keeps_the_file(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "settings.json")
        path.write_bytes(raw)
        store = SettingsFile(path)
        for key in KEYS:
            store.peek(key)  # read before the app starts (the practices folder): never raises
        loaded, problems = store.load(NOW)
        for problem in problems:
            assert_clear(problem, LONGEST)
        kept = sorted(Path(folder).glob("settings.broken-*.json"))
        if kept:
            # Not readable as settings: moved aside whole, and the message says where.
            assert kept[0].read_bytes() == raw
            assert str(kept[0]) in problems[0]
            assert not path.exists()
        store.save(loaded)
        assert [p.name for p in Path(folder).glob(".settings.*")] == []  # no half-written file
        again, more = store.load(NOW)
        assert more == []
        assert {key: again[key] for key in KEYS} == {key: loaded[key] for key in KEYS}
