#!/usr/bin/env python3
"""Trunk's post-build hook: finishes the static site in Trunk's staging folder.

1. Puts the styles inside index.html (one request less before the first paint) and adds a
   Content-Security-Policy that allows only the page's own origin, its own inline start-up script
   and styles (by hash) and WebAssembly, and forbids connections to other origins.
2. On release builds, writes estimator.html: the whole app in one self-contained file (styles,
   script and wasm inside) that works when opened from disk (file://).
3. Writes sw.js, the service worker, whose list of files comes from this build and whose cache
   name is a hash of their contents: a new build replaces the old cache on the next visit.
4. On release builds, writes the app's first screen into index.html and the single file, as the
   app draws it (scripts/prerender.mjs, in headless Chromium): it paints before the wasm arrives.
5. On release builds, last of all: a brotli (.br) and a gzip (.gz) copy beside every text and wasm
   file, for a server or CDN that sends pre-compressed files (scripts/serve.py does). Compressing
   once at build time allows brotli's slowest, smallest setting, which no server uses per request.

First it writes packs-places-<hash>.postcard, the city and district packs the page loads after its
first results, with the engine's own `web-packs` (which reads and checks the packs, as the page's
build script does for the provincial ones). The content hash in the name keeps a new page from
being served an old build's packs from a cache; index.html names the file in
<meta name="place-packs">, and the single file carries the bytes inline. The same for
seal-<hash>.js and .wasm, the sheet's fingerprint and QR code (crate seal/): <meta name="seal">
names the script, and the single file carries both inline.

On release builds it first minifies the script glue, the styles and the service worker with
esbuild (npm, pinned in package.json): Trunk's own minifier cannot parse wasm-bindgen's glue. It saves about
2.5 KB of the first load's gzip size. The file names keep Trunk's content hashes: the minified file
is a function of the one they were computed from, so a name still stands for one content. Their
integrity attributes in index.html are recomputed.

Run by Trunk (see Trunk.toml); reads TRUNK_STAGING_DIR and TRUNK_PROFILE. No third-party modules.
"""
import base64
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

PLACE_PACKS_ID = "place-packs"
REPO = Path(__file__).resolve().parent.parent
# Files a server should send compressed (PNG is compressed already); the copies' suffixes.
COMPRESSIBLE = {".html", ".js", ".css", ".wasm", ".postcard", ".webmanifest", ".json", ".svg"}
COMPRESSED = (".br", ".gz")


def built_beside(staging: Path, package: str, binary: str, stem: str, suffix: str) -> str:
    """Runs the workspace's native `binary` (of `package`) to write a file beside the page, named
    `<stem>-<hash><suffix>` by its content; returns the name."""
    written = staging / f"{stem}{suffix}.part"
    # Offline and locked like Trunk's own build: the machines reach no registry at build time.
    subprocess.run(
        ["cargo", "run", "--quiet", "--locked", "--offline", "-p", package, "--bin", binary, "--", str(written)],
        cwd=REPO, check=True,
    )
    name = f"{stem}-{hashlib.sha256(written.read_bytes()).hexdigest()[:16]}{suffix}"
    written.rename(staging / name)
    return name


def place_packs(staging: Path) -> str:
    """Writes the city and district packs beside the page; returns the file's name."""
    return built_beside(staging, "subsidy-engine", "web-packs", "packs-places", ".postcard")


SEAL_ID = "seal"
RULES_PAGES_ID = "rules-pages"


def rules_pages(staging: Path) -> str:
    """Writes the Rules tab's HTML (both languages) beside the page, with the web crate's own
    `rules-pages`, natively: the tab fetches it, so the code that writes it is not in the wasm.
    Returns the file's name."""
    return built_beside(staging, "subsidy-estimator", "rules-pages", "rules", ".html")


def seal_module(staging: Path, release: bool) -> tuple:
    """Writes the seal module (the sheet's fingerprint and QR code: crate seal/ with its feature
    `web`) beside the page, as seal-<hash>.wasm and its script seal-<hash>.js, which starts it; returns
    their names. The app adds the script after its first results: the hash and QR code cost the first
    load nothing."""
    subprocess.run(
        ["cargo", "build", "--quiet", "--locked", "--offline", "--target", "wasm32-unknown-unknown",
         "--profile", "wasm-release", "-p", "seal", "--features", "web", "--lib"],
        cwd=REPO, check=True,
    )
    target = Path(os.environ.get("CARGO_TARGET_DIR") or REPO / "target")
    built = target / "wasm32-unknown-unknown" / "wasm-release" / "seal.wasm"
    out = staging / "seal.part"
    # The same wasm-bindgen as Trunk's (pinned, see env.sh), and npm's wasm-opt -Oz as for the app.
    subprocess.run(["wasm-bindgen", "--target", "web", "--no-typescript", "--out-dir", str(out), str(built)],
                   check=True)
    wasm = out / "seal_bg.wasm"
    subprocess.run(
        [str(REPO / "node_modules/.bin/wasm-opt"), "-Oz", "--strip-debug", "--strip-producers",
         str(wasm), "-o", str(wasm)],
        check=True,
    )
    wasm_name = f"seal-{hashlib.sha256(wasm.read_bytes()).hexdigest()[:16]}.wasm"
    wasm.rename(staging / wasm_name)
    script = out / "seal.js"
    # The glue exports its init as __wbg_init; started here with the wasm's hashed name.
    script.write_text(
        script.read_text()
        + f"\nawait __wbg_init({{ module_or_path: new URL('./{wasm_name}', import.meta.url) }});\n")
    if release:
        esbuild_minify(script)
    script_name = f"seal-{hashlib.sha256(script.read_bytes()).hexdigest()[:16]}.js"
    script.rename(staging / script_name)
    for rest in out.iterdir():
        rest.unlink()
    out.rmdir()
    return script_name, wasm_name


def inline_seal(staging: Path, script_name: str, wasm_name: str) -> str:
    """The seal module's script for the single file: the wasm inside, started from its bytes."""
    script = (staging / script_name).read_text()
    # The last statement starts the module from its file; from the file's bytes instead.
    start = script.rindex("await ")
    init = re.match(r"await\s*([\w$]+)\(", script[start:]).group(1)
    wasm = base64.b64encode((staging / wasm_name).read_bytes()).decode()
    return (script[:start]
            + f'await {init}({{ module_or_path: Uint8Array.from(atob("{wasm}"), (c) => c.charCodeAt(0)) }});\n')


def esbuild_minify(path: Path) -> None:
    form = ["--format=esm"] if path.name.endswith(".js") and path.name != "sw.js" else []
    subprocess.run(
        [str(REPO / "node_modules/.bin/esbuild"), str(path), "--minify", "--charset=utf8",
         "--legal-comments=none", *form, f"--outfile={path}", "--allow-overwrite", "--log-level=warning"],
        check=True,
    )


def minify(staging: Path) -> None:
    """Minifies the glue, styles and manifest in place and brings index.html's integrity hashes up
    to date."""
    for manifest in staging.glob("*.webmanifest"):
        manifest.write_text(json.dumps(json.loads(manifest.read_text()), ensure_ascii=False, separators=(",", ":")))
    index = staging / "index.html"
    html = index.read_text()
    for path in sorted([*staging.glob("*.js"), *staging.glob("*.css")]):
        esbuild_minify(path)
        digest = base64.b64encode(hashlib.sha384(path.read_bytes()).digest()).decode()
        html, n = re.subn(
            rf'(href="\./{re.escape(path.name)}"[^>]*integrity=")sha384-[^"]*"',
            lambda m: f'{m.group(1)}sha384-{digest}"', html,
        )
        if n != 1:
            sys.exit(f"post_build: index.html names {path.name} with an integrity hash {n} times, not once")
    index.write_text(html)


SCRIPT = re.compile(r"<script([^>]*)>(.*?)</script>", re.S)
STYLESHEET = re.compile(r'<link rel="stylesheet" href="\./([^"]+\.css)"[^>]*>')
STYLE = re.compile(r"<style>(.*?)</style>", re.S)


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def csp(directives: dict) -> str:
    policy = "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">'


def add_policy(html: str, directives: dict) -> str:
    # Idempotent: a page that already has a policy gets the new one instead.
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    # The policy must come before anything it governs: right after <meta charset>.
    return re.sub(r"(<meta charset=[^>]*>)", lambda m: m.group(1) + csp(directives), html, count=1)


def served_page(staging: Path, packs: str, seal: str = "", rules: str = "") -> None:
    """`seal` names the seal module's script and `rules` the Rules tab's file; without them (a page
    finished again with new packs, as the e2e tests do) the page keeps the ones it names."""
    index = staging / "index.html"
    html = index.read_text()
    names = "|".join([PLACE_PACKS_ID, *([SEAL_ID] if seal else []), *([RULES_PAGES_ID] if rules else [])])
    html = re.sub(rf'<meta name="(?:{names})"[^>]*>', "", html)
    # The source's comments are for its readers (index.html in the repository), not for visitors.
    html = re.sub(r"<!--.*?-->\s*", "", html, flags=re.S)
    html = html.replace(
        "</head>", f'<meta name="{PLACE_PACKS_ID}" content="{packs}">\n'
        + (f'<meta name="{SEAL_ID}" content="{seal}">\n' if seal else "")
        + (f'<meta name="{RULES_PAGES_ID}" content="{rules}">\n' if rules else "") + "</head>", 1)
    # The styles inside the page: they hold back its first paint, and fetching them as a second
    # file costs a connection and a round trip (about 300 ms on a slow phone's line). The file
    # stays beside the page (the single file and the service worker's list take it from there).
    html = STYLESHEET.sub(lambda m: f"<style>{(staging / m.group(1)).read_text()}</style>", html)
    styles = [sha256_source(body) for body in STYLE.findall(html)]
    inline = [sha256_source(body) for attrs, body in SCRIPT.findall(html) if "src=" not in attrs]
    html = add_policy(html, {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'", *inline],
        "style-src": ["'self'", *styles],
        "img-src": ["'self'", "data:", "blob:"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
    })
    index.write_text(html)


def single_file(staging: Path, packs_name: str, seal: tuple, screen: str, rules_name: str) -> None:
    html = (staging / "index.html").read_text()
    glue_name = re.search(r"import init, \* as bindings from '\.?/?([^']+\.js)'", html).group(1)
    wasm_name = re.search(r"module_or_path: '\.?/?([^']+\.wasm)'", html).group(1)
    css = "\n".join(p.read_text() for p in sorted(staging.glob("*.css")))
    glue = (staging / glue_name).read_text()
    # An inline module cannot be imported from, so its export list is dropped; init (the glue's
    # default export, renamed by the minifier) is called below.
    exports = re.search(r"export\s*\{([^}]*)\};?", glue)
    init = next(n.split(" as ")[0].strip() for n in exports.group(1).split(",") if n.strip().endswith(" as default"))
    glue = glue[: exports.start()] + glue[exports.end():]
    glue = re.sub(r"^export (function|class|const|let|async function) ", r"\1 ", glue, flags=re.M)
    wasm = base64.b64encode((staging / wasm_name).read_bytes()).decode()
    # Inert (not JavaScript, so not run and not governed by script-src): the app reads it by id.
    packs = base64.b64encode((staging / packs_name).read_bytes()).decode()
    inline_packs = f'<script type="application/octet-stream" id="{PLACE_PACKS_ID}">{packs}</script>\n'
    rules = base64.b64encode((staging / rules_name).read_bytes()).decode()
    inline_packs += f'<script type="application/octet-stream" id="{RULES_PAGES_ID}">{rules}</script>\n'
    seal_script = inline_seal(staging, *seal)
    script = (
        glue
        + f'\nconst bytes = Uint8Array.from(atob("{wasm}"), (c) => c.charCodeAt(0));\n'
        + f"await {init}({{ module_or_path: bytes }});\n"
    )
    head = re.search(r"<head>(.*?)</head>", html, re.S).group(1)
    title = re.search(r"<title>.*?</title>", head, re.S).group(0)
    noscript = re.search(r"<noscript>.*?</noscript>", html, re.S).group(0)
    page = (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'{title}\n<link rel="icon" href="data:,">\n<style>{css}</style>\n</head>\n<body>\n{screen}\n{noscript}\n'
        f'{inline_packs}<script type="module">{script}</script>\n'
        f'<script type="module">{seal_script}</script>\n</body>\n</html>\n'
    )
    page = add_policy(page, {
        "default-src": ["'none'"],
        "script-src": ["'wasm-unsafe-eval'", sha256_source(script), sha256_source(seal_script)],
        "style-src": [sha256_source(css)],
        "img-src": ["data:", "blob:"],
        "connect-src": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'none'"],
    })
    (staging / "estimator.html").write_text(page)


def service_worker(staging: Path, release: bool = False) -> None:
    template = (Path(__file__).parent / "sw-template.js").read_text()
    files = sorted(
        p.relative_to(staging).as_posix()
        for p in staging.rglob("*")
        # The browser hands the worker decoded bytes and the worker caches by URL: the
        # compressed copies are only ever a server's business.
        if p.is_file() and p.name not in ("sw.js", "estimator.html") and p.suffix not in COMPRESSED
    )
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode())
        digest.update((staging / name).read_bytes())
    version = digest.hexdigest()[:16]
    worker = template.replace("__VERSION__", version).replace("__FILES__", json.dumps(["./", *files]))
    (staging / "sw.js").write_text(worker)
    if release:
        esbuild_minify(staging / "sw.js")
    print(f"post_build: sw.js caches {len(files)} files as version {version}")


FIRST_SCREEN_ID = "first-screen"


def first_screen(staging: Path) -> str:
    """The app's first screen, drawn by the app itself in headless Chromium (scripts/prerender.mjs)
    on the day of the build's commit, as markup for the page's body."""
    day = subprocess.run(["git", "log", "-1", "--format=%cs"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        day = __import__("datetime").date.today().isoformat()
    markup = subprocess.run(
        ["node", str(REPO / "scripts/prerender.mjs"), str(staging), day],
        cwd=REPO, check=True, capture_output=True, text=True,
    ).stdout
    # The app finds it by this id, reads what was typed into it and takes its place.
    return f'<div id="{FIRST_SCREEN_ID}" class="first-screen">{markup}</div>'


def with_first_screen(html: str, screen: str) -> str:
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + screen, html, count=1)


# Python's standard library has no brotli (and the PyPI module is not installed here); Node's zlib
# has, and Node is already needed for esbuild. Quality 11 is brotli's best.
BROTLI = """
const zlib = require('zlib'), fs = require('fs');
for (const file of process.argv.slice(1)) {
  const raw = fs.readFileSync(file);
  const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length };
  fs.writeFileSync(file + '.br', zlib.brotliCompressSync(raw, { params }));
}
"""


def compress(staging: Path) -> None:
    """Writes FILE.br and FILE.gz beside every compressible file. Must run after every other step:
    a copy is only right while its original is unchanged."""
    files = sorted(p for p in staging.rglob("*") if p.is_file() and p.suffix in COMPRESSIBLE)
    for path in files:
        # mtime 0: the same build gives the same bytes.
        path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))
    subprocess.run(["node", "-e", BROTLI, *map(str, files)], check=True)
    print(f"post_build: wrote .br and .gz copies of {len(files)} files")


def main() -> int:
    staging = Path(os.environ.get("TRUNK_STAGING_DIR") or sys.argv[1])
    release = os.environ.get("TRUNK_PROFILE", "release") == "release"
    packs = place_packs(staging)
    if release:
        minify(staging)
    seal = seal_module(staging, release)
    rules = rules_pages(staging)
    served_page(staging, packs, seal[0], rules)
    if release:
        screen = first_screen(staging)
        index = staging / "index.html"
        index.write_text(with_first_screen(index.read_text(), screen))
        single_file(staging, packs, seal, screen, rules)
    service_worker(staging, release)
    if release:
        compress(staging)
    return 0


if __name__ == "__main__":
    sys.exit(main())
