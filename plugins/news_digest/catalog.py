"""The trip catalog: one Markdown page per trip in `content/trips/`.

Each page's YAML front matter gives the trip's number, first and last day
and legs; its body is an optional editor's note. Pelican's Markdown reader
parses the files (see plugin.py); this module turns the metadata into
`Event`s and says clearly what is wrong with a page that does not fit.
"""

from __future__ import annotations

from datetime import date, datetime

from .model import Event, Leg


class CatalogError(ValueError):
    """A trip page whose metadata cannot describe a trip."""


def _day(value, what: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError as error:
        raise CatalogError(f"{what} must be a date like 2024-01-04, not {value!r}") from error


def trip_from_metadata(slug: str, metadata: dict, note_html: str = "") -> Event:
    """An Event from a trip page's metadata (keys: title, trip, start, end,
    legs: [{place, country, start, end} or {place, country, date}])."""
    try:
        number = int(metadata["trip"])
    except (KeyError, TypeError, ValueError) as error:
        raise CatalogError("'trip' must be the trip's number") from error
    start = _day(metadata.get("start"), "start")
    end = _day(metadata.get("end"), "end")
    if end < start:
        raise CatalogError("end is before start")
    legs = []
    for i, leg in enumerate(metadata.get("legs") or [], start=1):
        if not isinstance(leg, dict) or not leg.get("place"):
            raise CatalogError(f"leg {i} needs at least a place")
        first = _day(leg.get("start", leg.get("date")), f"leg {i} start")
        last = _day(leg.get("end", leg.get("date")), f"leg {i} end")
        if not (start <= first <= last <= end):
            raise CatalogError(f"leg {i} ({leg['place']}) lies outside the trip's dates")
        legs.append(Leg(place=str(leg["place"]), country=leg.get("country"), start=first, end=last))
    title = str(metadata.get("title") or f"Perjalanan ke-{number}")
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
