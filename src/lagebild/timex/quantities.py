"""Durations, sets (frequencies) and clock times."""

from __future__ import annotations


from lagebild.timex.context import Context
from lagebild.timex.grammar import Rule
from lagebild.timex.lexicon import fmt_number, lookup, number
from lagebild.timex.normalize import Result, day_anchor, normaliser, unit_code

# words before a number of years that make it an age
AGE_CONTEXT = frozenset({"ab", "unter", "bis", "auf", "zwischen", "von", "mit", "aged", "under"})


# ---------------------------------------------------------------- durations, sets, times
# adjectives of duration ("einwöchig", "zweitägig") by their stem
_ADJ_UNITS = (("jähr", "Y"), ("wöch", "W"), ("täg", "D"), ("monat", "M"), ("stünd", "TH"),
              ("minüt", "TM"), ("year", "Y"), ("week", "W"), ("day", "D"), ("month", "M"), ("hour", "TH"))


def _duration(n: float | None, unit: str | None) -> str | None:
    if unit is None:
        return None
    q = "X" if n is None else fmt_number(n)
    if unit.startswith("T"):
        return f"PT{q}{unit[1:]}"
    return f"P{q}{unit}"


@normaliser("duration")
def norm_duration(g: dict[str, str], rule: Rule, ctx: Context) -> Result | None:
    n = number(ctx.lang, g.get("num"))
    if n is None and rule.args.get("vague_plural") and g.get("unit"):
        # "the past decade" is one decade, "the past few days" some days, "the coming weeks" ahead
        plural = g["unit"].lower().endswith("s")
        if plural and rule.args.get("future_ref"):
            return "DATE", "FUTURE_REF", None
        n = None if plural else 1.0
        unit = unit_code(ctx, g["unit"])
        return (rule.type, _duration(n, unit), None) if unit and unit != "WE" else None
    if n is None or n < 0:
        return None
    if g.get("adj"):
        adj = g["adj"].lower()
        unit = next((u for stem, u in _ADJ_UNITS if adj.startswith(stem)), None)
    else:
        unit = unit_code(ctx, g["unit"])
    if unit == "WE" or unit is None:
        return None
    if unit == "Y" and ctx.before in AGE_CONTEXT and not g.get("off"):
        return None  # "ab 16 Jahren", "von 14 auf 18 Jahre": an age, not a duration
    if unit.startswith("T") and unit not in ("TH", "TM", "TS"):
        return rule.type, _duration(n, unit), None
    val = _duration(n, unit)
    if g.get("num2") and g.get("unit2"):
        n2, u2 = number(ctx.lang, g["num2"]), unit_code(ctx, g["unit2"])
        if n2 is not None and u2 and u2.startswith("T") == unit.startswith("T"):
            val += fmt_number(n2) + u2.lstrip("T")
    # "ein knappes Jahr": the modifier stands as an adjective between number and unit
    mod = lookup(ctx.lang, "quantity_mods", g["adjmod"][:-2] if g.get("adjmod") else "") or None
    return rule.type, val, mod


@normaliser("vague")
def norm_vague(g: dict[str, str], rule: Rule, ctx: Context) -> Result | None:
    """Durations without a number: "einigen Jahren", "jahrelang", "seit Jahren"."""
    if rule.args.get("after") and ctx.before not in rule.args["after"]:
        return None
    word = (g.get("unit") or g.get("unit2") or rule.args.get("unit") or "").lower()
    if word == "lang":
        return rule.type, "PXY", None
    unit = unit_code(ctx, word) or unit_code(ctx, word + "e") or unit_code(ctx, word + "en") \
        or {"jahr": "Y", "monat": "M", "woche": "W", "tag": "D", "stunde": "TH", "jahrzehnt": "DE",
            "year": "Y", "month": "M", "week": "W", "day": "D", "hour": "TH", "decade": "DE"}.get(word)
    if unit is None or unit == "WE":
        return None
    return rule.type, _duration(None, unit), None


@normaliser("set")
def norm_set(g: dict[str, str], rule: Rule, ctx: Context) -> Result | None:
    if g.get("freq"):
        return rule.type, lookup(ctx.lang, "frequencies", g["freq"]), None
    if g.get("weekday"):
        wd = lookup(ctx.lang, "weekdays", g["weekday"])
        dp = lookup(ctx.lang, "dayparts", g["dp"]) if g.get("dp") else None
        if g.get("dp2"):  # "Mittwoch vormittags": the adverb's day part
            dp = str(lookup(ctx.lang, "frequencies", g["dp2"]) or "")[-2:] or None
        return rule.type, f"XXXX-WXX-{wd}" + (f"T{dp}" if dp else ""), None
    unit = unit_code(ctx, g.get("unit") or g.get("unit1") or "")
    if unit is None:
        return None
    if g.get("vague"):
        return rule.type, _duration(None, unit), None
    n = number(ctx.lang, g.get("num")) if g.get("num") else 1.0
    if unit in ("TNI", "TEV"):
        return rule.type, f"XXXX-XX-XX{unit}", None
    if unit == "WE":
        return rule.type, "XXXX-WXX-WE", None
    return rule.type, _duration(n, unit), None


@normaliser("time")
def norm_time(g: dict[str, str], rule: Rule, ctx: Context) -> Result | None:
    """Clock times, on the day last spoken of (or the reference day)."""
    if rule.args.get("after") and ctx.before not in rule.args["after"]:
        return None
    if g.get("hourw") or g.get("hourw2"):
        h = int(number(ctx.lang, g.get("hourw") or g["hourw2"]) or 0)
        if not h:
            return None
    else:
        h = int(g["hour"])
    mi = int(g["minute"]) if g.get("minute") else 0
    half = (g.get("half") or "").lower()
    if half == "halb":
        h, mi = h - 1, 30
    elif half.startswith("viertel nach") or half.startswith("quarter past"):
        mi = 15
    elif half.startswith("viertel vor") or half.startswith("dreiviertel") or half.startswith("quarter to"):
        h, mi = h - 1, 45
    dp = (g.get("dp") or "").lower()
    if ctx.generic_time():
        return rule.type, f"T{h:02d}:{mi:02d}", None
    if dp in ("abends", "nachmittags", "nachts", "pm", "p.m.") and h < 12:
        h += 12
    if not 0 <= h <= 24:
        return None
    return rule.type, f"{day_anchor(ctx)}T{h:02d}:{mi:02d}", None
