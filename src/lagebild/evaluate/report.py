"""The readable table ``lagebild eval`` prints: one block per gold set, P/R/F1 per layer."""

from __future__ import annotations

from typing import Any, Iterable

from lagebild.evaluate.runner import SetResult

Row = tuple[str, float | None, float | None, float | None, str]  # layer, P, R, F1, note


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _timex_rows(t: dict[str, Any]) -> list[Row]:
    rows: list[Row] = [(f"timexes {k}", t[k]["p"], t[k]["r"], t[k]["f1"], "") for k in
                       ("strict", "relaxed", "value", "type")]
    rows[0] = (*rows[0][:4], f"gold {t['gold']}, system {t['system']}")
    rows.append(("timex value accuracy", None, None, None,
                 f"{t['value_accuracy_on_relaxed']:.4f} of the relaxed matches"))
    return rows


def _wikinews_rows(s: dict[str, Any]) -> list[Row]:
    rows: list[Row] = [(f"{role} tokens", s[role]["p"], s[role]["r"], s[role]["f1"], "")
                       for role in ("quote", "speaker", "cue")]
    rows[0] = (*rows[0][:4], f"gold quotes {s['gold_quotes']}, system {s['system_quotes']}")
    b = s["sentences"]
    rows.append(("sentence boundaries", b["p"], b["r"], b["f1"], f"gold {b['gold']}, system {b['system']}"))
    return rows


def _seed_rows(s: dict[str, Any]) -> list[Row]:
    q, e, ev = s["quotes"], s["entities"], s["events"]
    return _timex_rows(s["timexes"]) + [
        ("quotes found", None, _share(q["found"], q["gold"]), None, f"{q['found']} of {q['gold']}"),
        ("quotes with speaker right", None, _share(q["speaker_right"], q["gold"]), None,
         f"{q['speaker_right']} of {q['gold']}"),
        ("entity mentions found", None, _share(e["found"], e["gold_mentions"]), None,
         f"{e['found']} of {e['gold_mentions']}"),
        ("mentions linked right", None, _share(e["linked_right"], e["gold_mentions"]), None,
         f"{e['linked_right']} of {e['gold_mentions']}"),
        ("events", ev["p"], ev["r"], ev["f1"], f"gold {ev['gold']}, system {ev['system']}"),
        ("event dates right", None, _share(ev["date_right"], ev["dated"]), None,
         f"{ev['date_right']} of {ev['dated']} found dated events"),
    ]


def _germeval_rows(s: dict[str, Any]) -> list[Row]:
    return [(f"entities {cls}", s[cls]["p"], s[cls]["r"], s[cls]["f1"], f"gold {s[cls]['gold']}")
            for cls in ("PER", "LOC", "ORG", "LOCderiv", "ALL")]


ROWS = {"timeml": _timex_rows, "wikinews": _wikinews_rows,
        "seeds": _seed_rows, "germeval": _germeval_rows}


def _cell(x: float | None) -> str:
    return f"{x:7.4f}" if x is not None else "      -"


def format_table(results: Iterable[SetResult]) -> str:
    """The results as a plain-text table (a dash where a figure does not apply)."""
    lines: list[str] = []
    for res in results:
        head = f"{res.gold.name}  ({len(res.gold.records)} documents; {res.gold.path})"
        lines += [head, f"  {'layer':<30} {'P':>7} {'R':>7} {'F1':>7}  note"]
        for label, p, r, f, note in ROWS[res.gold.kind](res.scores):
            lines.append(f"  {label:<30} {_cell(p)} {_cell(r)} {_cell(f)}  {note}".rstrip())
        if res.failed:
            lines.append(f"  ! {len(res.failed)} document(s) failed to analyse and count as empty")
        if res.missing:
            lines.append(f"  ! {len(res.missing)} document(s) missing from the system output count as empty")
        lines.append("")
    return "\n".join(lines)
