"""news_digest: a Pelican plugin that turns raw scraped news articles into a
clean reading site grouped by trip, with a topic digest.

The pipeline reads top to bottom as the data flows:
read → clean → infer (per file, `pipeline.py`) → group → digest → render;
`plugin.py` is the thin Pelican glue (signals, the generator, configuration).
"""

from .plugin import register

__all__ = ["register"]
