"""Calendar dates at any precision: days, months, seasons, weekdays, years, decades, holidays."""

from __future__ import annotations

from datetime import date

from lagebild.timex.calendar import Partial, holiday, valid, weekday_near
from lagebild.timex.context import FUTURE, PAST, PRESENT, Context
from lagebild.timex.grammar import Rule
from lagebild.timex.lexicon import lookup
from lagebild.timex.normalize import Result, normaliser

# how many sentences back a year-less day may take the year of a date named before
# it ("Im März 1992 ... am 5. März"), when the reference date would put it far
# from the publication
REFER_BACK_SENTENCES = 10
REFER_BACK_MIN_DAYS = 100
# words before a weekday that place it in the past whatever the tense ("das Ergebnis vom Sonntag")
LOOKING_BACK = frozenset({"vom", "seit", "since"})
# how far a year-less day may lie on the "wrong" side of the reference date for its tense
SHIFT_SLACK_DAYS = 30
# a date without tense cue further than this from publication is moved a year towards it
NEAREST_AFTER_DAYS = 183


# ---------------------------------------------------------------- calendar dates
def _year_of(g: dict[str, str]) -> int | None:
    y = g.get("year") or g.get("year2")
    if not y:
        return None
    v = int(y)
    if len(y) == 2:  # "06.12.24": the century nearest the present
        v += 2000 if v <= 40 else 1900
    return v


def _anchor_year(ctx: Context, month: int, day: int | None) -> int | None:
    """The year of a year-less month (and day): refer back, else the reference date and tense."""
    dct = ctx.dct
    back = ctx.recent(REFER_BACK_SENTENCES)
    same = ctx.recent(0)
    if same is not None and same.year is not None:
        return same.year
    if dct is None or dct.year is None:
        return back.year if back else None
    y = dct.year
    if dct.month is not None:
        # a date in the reported past cannot lie (well) after publication, nor a planned one
        # (well) before it; a month of slack keeps "am 18. Dezember" in a text of the 16th
        t = ctx.tense()
        here = valid(y, month, day or 15) or date(y, month, 15)
        ref = valid(y, dct.month, dct.day or 15) or date(y, dct.month, 15)
        slack = SHIFT_SLACK_DAYS if day else 0
        if t == PAST and (here - ref).days > slack:
            y -= 1
        elif t == FUTURE and (ref - here).days > slack:
            y += 1
        elif t == PRESENT and abs((here - ref).days) > NEAREST_AFTER_DAYS:
            # no tense cue: the occurrence nearest the publication ("lädt am 14. Jänner")
            y += 1 if here < ref else -1
    # only a day ("am 5. März") is specific enough to take the year of a date named
    # some sentences before; a bare month is read against the publication date
    # (and only a year in the past: a text that names 2030 does not date "am 24. Juni" to it)
    if day is not None and back is not None and back.year is not None and back.year < y:
        cand = valid(y, month, day or 15)
        ref_d = valid(dct.year, dct.month or 7, dct.day or 1)
        if cand and ref_d and abs((cand - ref_d).days) > REFER_BACK_MIN_DAYS:
            return back.year
    return y


def _weekday_date(ctx: Context, wd: int) -> date | None:
    """The date of a weekday: the nearest one before or after the reference day, by tense.

    A sentence without a tense cue is read as an announcement (present tense for the
    future: "am Montag fliege ich nach Berlin"); "vom Sonntag", "seit Montag" look back.
    """
    ref = ctx.dct_date
    if ref is None:
        return None
    recent = ctx.last_day
    if recent and recent[1] == ctx.sentence_index and abs((recent[0] - ref).days) > 7:
        ref = recent[0]  # "am 3. März, einem Sonntag": anchored on the date just named
    past = ctx.before in LOOKING_BACK or ctx.tense() == PAST
    # the reference day itself counts: "am Donnerstag" in a text of a Thursday is that day
    return weekday_near(ref, wd, -1 if past else 1)


@normaliser("date")
def norm_date(g: dict[str, str], rule: Rule, ctx: Context) -> Result | None:
    """Calendar dates at any precision: day, month, season, weekday, year."""
    typ = rule.type
    dp = lookup(ctx.lang, "dayparts", g["dp"]) if g.get("dp") else None
    year = _year_of(g)
    if year is None and g.get("yoff"):
        off = lookup(ctx.lang, "offsets", g["yoff"])
        if ctx.dct and ctx.dct.year is not None and off is not None:
            year = ctx.dct.year + int(off)
    month = None
    if g.get("month"):
        month = lookup(ctx.lang, "months", g["month"])
    elif g.get("monthnum"):
        month = int(g["monthnum"])
    day = int(g["day"]) if g.get("day") else None
    if g.get("season"):
        season = lookup(ctx.lang, "seasons", g["season"])
        y = year if year is not None else (ctx.dct.year if ctx.dct else None)
        return typ, f"{y:04d}-{season}" if y is not None else f"XXXX-{season}", None
    if month is None and day is None:
        if g.get("weekday"):
            wd = lookup(ctx.lang, "weekdays", g["weekday"])
            d = _weekday_date(ctx, wd)
            val = d.isoformat() if d else f"XXXX-WXX-{wd}"
            if d:
                ctx.last_day = (d, ctx.sentence_index)
            if dp:
                return "TIME", f"{val}T{dp}", None
            return typ, val, None
        if year is not None:
            p = Partial(year)
            ctx.note(p)
            return typ, p.iso(), None
        return None
    if day is not None and month is not None and valid(2000, month, day) is None:
        return None  # "31. Februar", "30.2." : not a date
    explicit = year is not None
    if year is None and month is not None:
        year = _anchor_year(ctx, month, day)
    if day is not None and year is not None and valid(year, month, day) is None:
        return None
    p = Partial(year, month, day)
    if not explicit and ctx.previous_rule in ("every_unit", "frequency") \
            and ctx.previous_sentence == ctx.sentence_index and ctx.previous_value == "P1Y":
        return "SET", Partial(None, month, day).iso(), None  # "jedes Jahr am 28. Dezember"
    if explicit:
        ctx.note(p)
    elif p.as_date():
        ctx.last_day = (p.as_date(), ctx.sentence_index)  # type: ignore[assignment]
    val = p.iso()
    if dp:
        return "TIME", f"{val}T{dp}", None
    return typ, val, None


@normaliser("holiday")
def norm_holiday(g: dict[str, str], rule: Rule, ctx: Context) -> Result | None:
    spec = lookup(ctx.lang, "holidays", g["holiday"])
    if spec is None:
        return None
    year = _year_of(g)
    if year is None and ctx.dct:
        year = ctx.dct.year
    return rule.type, holiday(str(spec), year), None


@normaliser("decade")
def norm_decade(g: dict[str, str], rule: Rule, ctx: Context) -> Result | None:
    if g.get("decade"):
        tens = lookup(ctx.lang, "decades", g["decade"])
        century = 19
        if ctx.dct and ctx.dct.year is not None and ctx.dct.year >= 2030 and tens <= (ctx.dct.year % 100) // 10:
            century = 20
        return rule.type, f"{century}{tens}", None
    d4 = g.get("dec4") or g.get("dec4b")
    if d4:
        return rule.type, d4[:3], None
    d2 = g.get("dec2")
    return rule.type, f"19{d2[0]}", None


@normaliser("century")
def norm_century(g: dict[str, str], rule: Rule, ctx: Context) -> Result | None:
    n = int(g["num"])
    if not 1 <= n <= 21:
        return None
    return rule.type, f"{n - 1:02d}", None


@normaliser("part")
def norm_part(g: dict[str, str], rule: Rule, ctx: Context) -> Result | None:
    """Quarters and halves of a year."""
    ordw = (g.get("ordw") or "").lower()
    n = (lookup(ctx.lang, "ordinals", ordw) or lookup(ctx.lang, "ordinals", ordw[:-2])) if ordw \
        else int(g.get("ordn") or 0)
    part = g["part"].lower()
    half = "hälfte" in part or "halbjahr" in part or "half" in part
    if n == -1:
        n = 2 if half else 4
    if not n or (half and n > 2) or n > 4:
        return None
    year = _year_of(g) or (ctx.dct.year if ctx.dct else None)
    y = f"{year:04d}" if year is not None else "XXXX"
    return rule.type, f"{y}-{'H' if half else 'Q'}{n}", None
