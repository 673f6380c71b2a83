"""The trip catalog: one Markdown page per trip in `content/trips/`.

Each page's YAML front matter gives the trip's number, first and last day
and legs; its body is an optional editor's note. Pelican's Markdown reader
parses the files (see editor_pages.py); this module turns the metadata into
`Event`s and says clearly what is wrong with a page that does not fit.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from . import ui
from .dates import EARLIEST_YEAR, LATEST_YEAR
from .model import Event, Leg

#: Trip numbers a catalog page may give (a trip is "the 11th", not the
#: 10,000th or the infinite one).
MAX_TRIP = 99

#: A trip page's name becomes its id and its address (perjalanan/ID/), so
#: it is made of these characters only: no "..", no slash, no markup.
SAFE_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,79}")


class CatalogError(ValueError):
    """A trip page whose metadata cannot describe a trip."""


def _day(value, what: str) -> date:
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        try:
            value = date.fromisoformat(str(value).strip())
        except ValueError as error:
            raise CatalogError(f"{what} must be a date like 2024-01-04, not {value!r}") from error
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise CatalogError(f"{what} {value.isoformat()} is outside {EARLIEST_YEAR}–{LATEST_YEAR}")
    return value


def _text(value, what: str, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if (
        not isinstance(value, str | int | float)
        or isinstance(value, bool)
        or not str(value).strip()
    ):
        raise CatalogError(f"{what} must be a text")
    return str(value).strip()


def _number(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise CatalogError(f"'trip' must be the trip's number (1–{MAX_TRIP})")
    try:
        number = int(value)
    except ValueError as error:
        raise CatalogError(f"'trip' must be the trip's number (1–{MAX_TRIP})") from error
    if not 1 <= number <= MAX_TRIP:
        raise CatalogError(f"'trip' must be the trip's number (1–{MAX_TRIP}), not {number}")
    return number


def check_trip_id(slug: str) -> None:
    """A trip page's name is the trip's id and address: CatalogError if it
    is not made of the safe characters."""
    if not SAFE_ID.fullmatch(slug):
        raise CatalogError(
            f"its name {slug!r} must be lower-case letters, digits and '-' "
            "(it is the trip's address)"
        )


def trip_from_metadata(
    slug: str, metadata: dict, note_html: str = "", untitled: str | None = None
) -> Event:
    """An Event from a trip page's metadata (keys: title, trip, start, end,
    legs: [{place, country, start, end} or {place, country, date}]); a page
    without a title is named `untitled` ("Perjalanan ke-{n}", the site's
    words). Raises CatalogError saying what does not fit."""
    check_trip_id(slug)
    if not isinstance(metadata, dict):
        raise CatalogError("its front matter must be a table of keys")
    if "trip" not in metadata:
        raise CatalogError("'trip' must be the trip's number")
    number = _number(metadata["trip"])
    start = _day(metadata.get("start"), "start")
    end = _day(metadata.get("end"), "end")
    if end < start:
        raise CatalogError("end is before start")
    legs = []
    listed = metadata.get("legs") or []
    if not isinstance(listed, list):
        raise CatalogError("legs must be a list of {place, country, date} tables")
    for i, leg in enumerate(listed, start=1):
        if not isinstance(leg, dict) or not leg.get("place"):
            raise CatalogError(f"leg {i} needs at least a place")
        place = _text(leg["place"], f"leg {i} place", required=True)
        country = _text(leg.get("country"), f"leg {i} country")
        first = _day(leg.get("start", leg.get("date")), f"leg {i} start")
        last = _day(leg.get("end", leg.get("date")), f"leg {i} end")
        if not (start <= first <= last <= end):
            raise CatalogError(f"leg {i} ({place}) lies outside the trip's dates")
        legs.append(Leg(place=place, country=country, start=first, end=last))
    untitled = untitled or ui.table(None)["trip_name"]
    title = _text(metadata.get("title"), "title") or untitled.format(n=number)
    return Event(
        id=slug,
        name=title,
        number=number,
        start=start,
        end=end,
        legs=tuple(legs),
        note_html=note_html.strip(),
        from_catalog=True,
    )
