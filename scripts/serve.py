#!/usr/bin/env python3
"""Serves a release build (dist/) on 127.0.0.1 the way a good static host does:

- the pre-compressed copies the build writes beside each file (FILE.br, FILE.gz; see
  scripts/post_build.py), chosen by the request's Accept-Encoding, with the original's type;
- files whose names carry Trunk's content hash are cacheable for a year: a new content gets a new
  name. Everything else (index.html, sw.js, the manifest, estimator.html) is checked every time,
  so a new build is seen on the next visit.

Nothing outside the folder is ever served. Standard library only. Requests are logged with
SERVE_LOG=1.

Usage: scripts/serve.py [PORT] [--directory DIR]   (port 8080, dist/ by default; port 0 picks
a free one; the first line printed names the address)
"""
import argparse
import http.server
import os
import re
import sys
from functools import partial

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".wasm": "application/wasm",
    ".webmanifest": "application/manifest+json",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".postcard": "application/octet-stream",
    # The copies themselves, when asked for by name.
    ".br": "application/x-brotli",
    ".gz": "application/gzip",
}
# As post_build.py writes them, in the order they are preferred (brotli is the smaller).
COMPRESSED_COPIES = (("br", ".br"), ("gzip", ".gz"))
COMPRESSIBLE = {".html", ".js", ".css", ".wasm", ".postcard", ".webmanifest", ".json", ".svg"}
# Trunk's file hash and post_build.py's for the place packs: main-<hash>.css,
# subsidy-estimator-<hash>.js and -<hash>_bg.wasm, packs-places-<hash>.postcard. Trunk writes its
# 64-bit hash in hex without leading zeros, so 16 digits or a few fewer (one build in 16 has 15);
# at least 12, so that a name like icon-192.png is not taken for a hashed one.
HASHED = re.compile(r"-[0-9a-f]{12,16}(_bg)?\.[a-z]+$")
LOG = os.environ.get("SERVE_LOG") == "1"


def accepted(header: str) -> set:
    """The content codings an Accept-Encoding header allows (q > 0), "*" standing for any other."""
    codings = {}
    for part in header.split(","):
        name, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if name:
            codings[name.lower()] = q
    allowed = {name for name, q in codings.items() if q > 0}
    if codings.get("*", 0) > 0:
        allowed |= {name for name, _ in COMPRESSED_COPIES if name not in codings}
    return allowed


class Handler(http.server.SimpleHTTPRequestHandler):
    # Keep-alive, as real hosts do: every response here has a Content-Length.
    protocol_version = "HTTP/1.1"

    def file_for(self, url_path: str):
        """The file a request names, or None: "/" is index.html; other folders, missing files and
        anything outside the served folder are not found."""
        if url_path.endswith("/"):
            url_path += "index.html"
        path = self.translate_path(url_path)  # drops ".." and the query; decodes %xx
        # Resolved on each request: the folder may be a symlink that is repointed while serving
        # (the offline tests swap builds that way).
        root = os.path.realpath(self.directory)
        real = os.path.realpath(path)
        if not real.startswith(root + os.sep) or not os.path.isfile(real):
            return None
        return real

    def send_head(self):
        path = self.file_for(self.path.split("?", 1)[0].split("#", 1)[0])
        if path is None:
            self.send_error(404)
            return None
        name = os.path.basename(path)
        ext = os.path.splitext(name)[1]
        sent, coding = path, None
        if ext in COMPRESSIBLE:
            allowed = accepted(self.headers.get("Accept-Encoding", ""))
            for candidate, suffix in COMPRESSED_COPIES:
                if candidate in allowed and os.path.isfile(path + suffix):
                    sent, coding = path + suffix, candidate
                    break
        try:
            f = open(sent, "rb")
        except OSError:
            self.send_error(404)
            return None
        self.send_response(200)
        self.send_header("Content-Type", TYPES.get(ext, "application/octet-stream"))
        if coding:
            self.send_header("Content-Encoding", coding)
        if ext in COMPRESSIBLE:
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
        # No Last-Modified, so no 304s: two builds written in the same second would look alike,
        # and the files that are revalidated are a few KB.
        immutable = HASHED.search(name)
        self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable else "no-cache")
        self.end_headers()
        return f

    def log_message(self, format, *args):
        if LOG:
            super().log_message(format, *args)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that drops a connection (a page closed mid-load) is not news.
        if LOG:
            super().handle_error(request, client_address)


def main() -> int:
    parser = argparse.ArgumentParser(description="Serves a release build with its compressed copies.")
    parser.add_argument("port", nargs="?", type=int, default=8080)
    parser.add_argument("--directory", "-d", default="dist")
    args = parser.parse_args()
    if not os.path.isdir(args.directory):
        print(f"serve.py: no folder {args.directory}: build first (trunk build --release)", file=sys.stderr)
        return 1
    server = Server(("127.0.0.1", args.port), partial(Handler, directory=args.directory))
    print(f"serve.py: serving {args.directory} at http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
