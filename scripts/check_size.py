#!/usr/bin/env python3
"""The first-load size: every file a visitor's browser fetches to open the page (the page, its
styles, script, wasm with the rule data inside, the service worker and the manifest),
gzip-compressed (level 9, as a server would send them).

The goal is GOAL bytes. The build does not reach it yet (see BENCHMARKS.md: what was tried, and
what the rest is made of), so CI holds the line at CEILING: a change that makes the first load
bigger than that fails, naming each file's size. Lower CEILING whenever the size drops.

Usage: scripts/check_size.py [DIST]   (default dist/; run after `trunk build --release`)
"""
import gzip
import re
import sys
from pathlib import Path

GOAL = 200_000  # "200 KB", read as 200,000 bytes: the stricter reading
CEILING = 250_000  # raised from 240,000 by the issue "rules current on the day they are used" (#19)
# Not part of the first load, shown: loaded after the first results (the city and district packs; the
# seal module, which computes the sheet's fingerprint and QR code), or when the Rules tab opens (its
# HTML, written at build time).
AFTER_FIRST_RESULTS = ("packs-places-*.postcard", "seal-*.js", "seal-*.wasm", "rules-*.html")


def first_load_files(dist: Path) -> list:
    html = (dist / "index.html").read_text()
    referenced = re.findall(r"""(?:href|src|from|module_or_path:)\s*=?\s*['"]\.?/?([^'"#?]+\.(?:css|js|wasm))['"]""", html)
    names = ["index.html", *dict.fromkeys(referenced), "sw.js", "manifest.webmanifest"]
    return [dist / name for name in names if (dist / name).exists()]


def main() -> int:
    dist = Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
    files = first_load_files(dist)
    total = 0
    print(f"{'file':<52} {'bytes':>10} {'gzip':>10}")
    for path in files:
        raw = path.read_bytes()
        packed = len(gzip.compress(raw, compresslevel=9, mtime=0))
        total += packed
        print(f"{path.name:<52} {len(raw):>10,} {packed:>10,}")
    for path in sorted(p for pattern in AFTER_FIRST_RESULTS for p in dist.glob(pattern)):
        name = path.name
        if path.exists():
            raw = path.read_bytes()
            packed = len(gzip.compress(raw, compresslevel=9, mtime=0))
            print(f"{name + ' (not in the first load)':<52} {len(raw):>10,} {packed:>10,}")
    print(f"{'total (gzip)':<52} {'':>10} {total:>10,}   goal {GOAL:,}, ceiling {CEILING:,}")
    if not any(p.suffix == ".wasm" for p in files):
        print("no wasm found: is this a Trunk build?", file=sys.stderr)
        return 1
    if total > CEILING:
        print(f"OVER THE CEILING: first load is {total:,} bytes gzip, {total - CEILING:,} over {CEILING:,}", file=sys.stderr)
        return 1
    if total > GOAL:
        print(f"within the ceiling; the goal of {GOAL:,} is missed by {total - GOAL:,} bytes ({(total - GOAL) * 100 // GOAL}%)")
    else:
        print(f"within the goal: {GOAL - total:,} bytes to spare")
    return 0


if __name__ == "__main__":
    sys.exit(main())
