"""Dates relative to the reference date or to a date named before: gestern, vergangene Woche, Tags darauf."""

from __future__ import annotations

import re

from datetime import timedelta

from lagebild.timex.calendar import shift_month, week_value, weekday_near
from lagebild.timex.context import FUTURE, Context
from lagebild.timex.grammar import Rule
from lagebild.timex.lexicon import lookup
from lagebild.timex.normalize import Result, day_anchor, normaliser, unit_code

# the underspecified value of "this <unit>" where the reference date is unknown
UNKNOWN_OF_UNIT = {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "D": "XXXX-XX-XX",
                   "Q": "XXXX-QX", "H": "XXXX-HX", "DE": "XXX", "CE": "XX"}
# a clock time in the sentence
CLOCK = re.compile(r"\b\d{1,2}(?:[.:]\d\d)?\s*(?:Uhr|a\.m\.|p\.m\.)")
# words after which "Abend", "Nachmittag" ... are a time of the day ("am Abend"), not a noun
DAYPART_BEFORE = frozenset({"am", "gegen", "jeden", "vom", "zum", "spät", "bis", "früh", "this", "that"})


# ---------------------------------------------------------------- relative dates
@normaliser("dayrel")
def norm_dayrel(g: dict[str, str], rule: Rule, ctx: Context) -> Result | None:
    """gestern, heute, morgen (with a part of the day: "gestern Abend")."""
    word = g.get("rel") or rule.args.get("rel") or (
        "yesterday" if (g.get("when") or "").lower() == "last" else "today" if g.get("when") else "heute")
    off = lookup(ctx.lang, "day_offsets", word)
    dp = lookup(ctx.lang, "dayparts", g["dp"]) if g.get("dp") else rule.args.get("dp")
    if word.lower() == "morgen" and word[0].isupper() and ctx.before in ("am", "den", "jeden", "vom", "gegen", "zum", "diesen", "diesem", "am frühen", "this", "the"):
        return "TIME", day_anchor(ctx) + "TMO", None  # "am Morgen": the morning
    ref = ctx.dct_date
    if off == 0 and not dp:
        # "heute" is the day in daily news, in "bis heute" and beside a clock time
        # ("heute um 20 Uhr"); elsewhere the present
        a, b = ctx.sentence
        on_the_day = ctx.daily or ctx.before in ("bis", "until") or CLOCK.search(ctx.text, a, b) is not None
        if ref is None or not on_the_day:
            return rule.type, "PRESENT_REF", None
        return rule.type, ref.isoformat(), None
    if ref is None:
        val = "PRESENT_REF" if off == 0 else ("PAST_REF" if off < 0 else "FUTURE_REF")
        return (rule.type, val, None) if not dp else ("TIME", f"XXXX-XX-XXT{dp}", None)
    d = ref + timedelta(days=int(off))
    ctx.last_day = (d, ctx.sentence_index)
    if dp:
        return "TIME", f"{d.isoformat()}T{dp}", None
    return rule.type, d.isoformat(), None


@normaliser("daypart")
def norm_daypart(g: dict[str, str], rule: Rule, ctx: Context) -> Result | None:
    """am Abend, am frühen Morgen: the part of the day last spoken of."""
    if not rule.args.get("any_position") and ctx.before not in DAYPART_BEFORE:
        return None
    dp = lookup(ctx.lang, "dayparts", g["dp"]) if g.get("dp") else rule.args.get("dp")
    mod = None
    if g.get("early"):
        mod = lookup(ctx.lang, "point_mods", g["early"].strip())
    return rule.type, f"{day_anchor(ctx)}T{dp}", mod


@normaliser("rel")
def norm_rel(g: dict[str, str], rule: Rule, ctx: Context) -> Result | None:
    """vergangene Woche, nächsten Jahres, diesen Sommer, Vorjahr, am Wochenende."""
    off = rule.args.get("offset")
    unit = rule.args.get("unit")
    mod = lookup(ctx.lang, "point_mods", g["pm"]) if g.get("pm") else None
    if g.get("off"):
        off = lookup(ctx.lang, "offsets", g["off"])
    if g.get("vor"):
        off, unit = -1, {"j": "Y", "m": "M", "w": "W", "q": "Q"}[g["vor"][3].lower()]
        if g["vor"].lower().startswith("previous"):
            unit = unit_code(ctx, g["vor"].split()[-1]) or "Y"
    if g.get("unit"):
        unit = unit_code(ctx, g["unit"]) or lookup(ctx.lang, "units", g["unit"]) or g["unit"][:1].upper()
        if g["unit"].lower().startswith("quartal") or g["unit"].lower().startswith("quarter"):
            unit = "Q"
        if g["unit"].lower().startswith("halbjahr"):
            unit = "H"
    off = int(off or 0)
    dct = ctx.dct
    if g.get("weekday"):
        wd = lookup(ctx.lang, "weekdays", g["weekday"])
        ref = ctx.dct_date
        dp = lookup(ctx.lang, "dayparts", g["dp"]) if g.get("dp") else None
        if ref is None:
            return rule.type, f"XXXX-WXX-{wd}", None
        d = weekday_near(ref, wd, -1 if off < 0 else 1)
        if off < 0 and d == ref:
            d -= timedelta(days=7)
        if off > 0 and d == ref:
            d += timedelta(days=7)
        ctx.last_day = (d, ctx.sentence_index)
        return ("TIME", f"{d.isoformat()}T{dp}", None) if dp else (rule.type, d.isoformat(), None)
    if g.get("season"):
        season = lookup(ctx.lang, "seasons", g["season"])
        if dct is None or dct.year is None:
            return rule.type, f"XXXX-{season}", None
        return rule.type, f"{dct.year + off:04d}-{season}", None
    if dct is None or dct.year is None:
        if off == 0:  # "dieses Jahr", "am Wochenende" of an unknown time: underspecified
            return rule.type, UNKNOWN_OF_UNIT.get(unit or "", "XXXX"), mod
        return rule.type, "PAST_REF" if off < 0 else "FUTURE_REF", mod
    y = dct.year
    if unit == "Y":
        return rule.type, f"{y + off:04d}", mod
    if unit == "DE":
        return rule.type, f"{(y // 10 + off):03d}", mod
    if unit == "CE":
        return rule.type, f"{(y // 100 + off):02d}", mod
    if unit in ("Q", "H"):
        if dct.month is None:
            return rule.type, f"{y:04d}-{unit}X", mod
        per = 3 if unit == "Q" else 6
        idx = (y * 12 + dct.month - 1) // per + off
        n = 12 // per
        return rule.type, f"{idx // n:04d}-{unit}{idx % n + 1}", mod
    if unit == "M":
        if dct.month is None:
            return rule.type, f"{y:04d}-XX", mod
        yy, mm = shift_month(y, dct.month, off)
        return rule.type, f"{yy:04d}-{mm:02d}", mod
    ref = ctx.dct_date
    if unit in ("W", "WE"):
        if ref is None:
            return rule.type, "XXXX-WXX" + ("-WE" if unit == "WE" else ""), mod
        if unit == "WE":
            # "am Wochenende" in a report is the weekend just past, in an announcement the next
            # (KRAUTS numbers the weekend just past by the current week early in the
            # week, Monday and Tuesday, and by the week before from Wednesday on)
            if off == 0:
                off = -1 if ctx.tense() != FUTURE and 3 <= ref.isoweekday() <= 5 else 0
            base = ref + timedelta(days=6 - ref.isoweekday())  # that week's Saturday
            return rule.type, week_value(base, off) + "-WE", mod
        return rule.type, week_value(ref, off), mod
    if unit == "D":
        if ref is None:
            return rule.type, "XXXX-XX-XX", mod
        return rule.type, (ref + timedelta(days=off)).isoformat(), mod
    return None


@normaliser("anaphor")
def norm_anaphor(g: dict[str, str], rule: Rule, ctx: Context) -> Result | None:
    """Expressions that take their date from the text before: "Tags darauf", "Ende des Jahres"."""
    mod = lookup(ctx.lang, "point_mods", g["pm"]) if g.get("pm") else None
    if rule.args.get("unit") == "Y":
        # "bis Ende des Jahres" takes the year of a date named in the same sentence
        back = ctx.recent(0)
        if back is not None and back.year is not None:
            return rule.type, f"{back.year:04d}", mod
        if ctx.dct and ctx.dct.year is not None:
            return rule.type, f"{ctx.dct.year:04d}", mod
        return rule.type, "XXXX", mod
    word = " ".join(g.get(k, "") for k in ("d1", "d2", "d3")).strip().lower()
    surface = ctx.surface.lower()
    if "vortag" in surface or word in ("zuvor", "davor", "before", "previous"):
        off = -1
    elif word in ("selben", "gleichen", "same") or surface.startswith(("diese", "jene", "that", "this")):
        off = 0
    else:
        off = 1
    base = ctx.last_day[0] if ctx.last_day else ctx.dct_date
    if base is None:
        return rule.type, "XXXX-XX-XX", None
    d = base + timedelta(days=off)
    return rule.type, d.isoformat(), None


@normaliser("ref")
def norm_ref(g: dict[str, str], rule: Rule, ctx: Context) -> Result | None:
    if "value" in rule.args:
        return rule.type, rule.args["value"], None
    val = lookup(ctx.lang, "references", g["ref"]) or lookup(ctx.lang, "reference_nouns", g["ref"])
    return (rule.type, val, None) if val else None
