#!/usr/bin/env python3
"""Checks corsim's report.html as a browser sees it.

1. Structure (python's html.parser): per scenario an <svg id="map"> with a path.link per link,
   one svg.transit per flow, the waiting-by-cause bars, the charts over time and the
   bottleneck table; nothing fetched from elsewhere (no http(s) URL, script or stylesheet link).
   The expected counts come from summary.json next to the report.
2. Headless Chromium parses it (--dump-dom gives the SVG back) and renders it: the screenshot
   (--screenshot, 1200×3000) has ink in the bands where the charts are, the map's coloured
   links and the charts' bars (python3-pil).

Exit status: 0 ok, 1 a check failed, 77 chromium is not installed (CTest SKIP_RETURN_CODE).
Usage: check_report.py [--screenshot OUT.png] DIR/report.html
"""

import argparse
import html.parser
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

SKIP = 77


class Elements(html.parser.HTMLParser):
    """Every start tag as (tag, attributes, the id of the innermost enclosing <svg>)."""

    def __init__(self):
        super().__init__()
        self.found, self.svg_stack = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.found.append((tag, a, self.svg_stack[-1] if self.svg_stack else None))
        if tag == "svg":
            self.svg_stack.append(a.get("id"))

    def handle_endtag(self, tag):
        if tag == "svg" and self.svg_stack:
            self.svg_stack.pop()


def classes(a):
    return set((a.get("class") or "").split())


def check_structure(text, summary, failures):
    p = Elements()
    p.feed(text)
    found = p.found

    def count(tag, cls=None, inside=None, id_=None):
        return sum(1 for t, a, svg in found if t == tag and (cls is None or cls in classes(a))
                   and (inside is None or svg == inside) and (id_ is None or a.get("id") == id_))

    def expect(ok, message):
        if not ok:
            failures.append(message)

    for i, s in enumerate(summary["scenarios"]):
        sfx = "" if i == 0 else f"-s{i + 1}"
        flows, links = len(s["flows"]), len(s["links"]) or None
        expect(count("svg", id_="map" + sfx) == 1, f"no svg#map{sfx}")
        n_links = count("path", "link", inside="map" + sfx)
        expect(n_links >= (links or 1), f"svg#map{sfx}: {n_links} link paths, expected {links}")
        expect(count("circle", "node", inside="map" + sfx) >= 2, f"svg#map{sfx}: no nodes")
        for f in range(flows):
            expect(count("svg", "transit", id_=f"transit-{f}{sfx}") == 1,
                   f"no transit chart transit-{f}{sfx} for flow {s['flows'][f]['flow']}")
            hours = s["flows"][f]["transit_hours"]
            marked = sum(hours[p] is not None for p in ("p50", "p90", "p95"))
            expect(count("line", "marker", inside=f"transit-{f}{sfx}") == marked,
                   f"transit-{f}{sfx}: not all of p50, p90 and p95 marked")
        waits = count("rect", "wait", inside="waits" + sfx)
        expect(waits >= flows, f"svg#waits{sfx}: {waits} bars for {flows} flows")
        for chart in ("utilisation-over-time", "queue-over-time", "service-teu-over-time"):
            expect(count("polyline", "series", inside=chart + sfx) >= 1,
                   f"svg#{chart}{sfx}: no lines")
        if s["bottlenecks"]:
            expect(count("table", id_="bottlenecks" + sfx) == 1, f"no table#bottlenecks{sfx}")
    for i in range(len(summary["differences"])):
        expect(count("svg", "differences", id_=f"differences-{i + 2}") == 1,
               f"no svg#differences-{i + 2}")
    external = [a for _, a, _ in found for k in ("src", "href")
                if (a.get(k) or "").startswith(("http:", "https:", "//"))]
    expect(not external, f"external resources: {external}")
    expect(count("script") == 0 and count("link") == 0, "a script or a stylesheet link")


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def run_chromium(browser, args, profile):
    # A profile of its own: parallel tests must not share one; no sandbox in containers.
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
           f"--user-data-dir={profile}"] + args
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def ink(img, box):
    """Share of the pixels in box that are not (near) white."""
    region = img.crop(box).convert("L")
    hist = region.histogram()
    total = sum(hist)
    return sum(hist[:235]) / total if total else 0.0


def coloured(img, box):
    """Pixels in box with a clear colour (saturated): links, bars, lines, not text or grey."""
    hsv = img.crop(box).convert("RGB").convert("HSV")
    return sum(1 for h, s, v in hsv.getdata() if s > 90 and v > 60)


def check_screenshot(png, failures):
    from PIL import Image  # python3-pil

    img = Image.open(png)
    w, h = img.size
    if (w, h) != (1200, 3000):
        failures.append(f"screenshot is {w}×{h}, expected 1200×3000")
        return
    bands = [ink(img, (0, y, w, y + 500)) for y in range(0, 2500, 500)]
    inked = sum(b > 0.005 for b in bands)
    if inked < 4:
        failures.append("screenshot mostly blank: ink per 500 px band "
                        f"{[round(b, 3) for b in bands]}")
    top = coloured(img.resize((w // 4, h // 4)), (0, 0, w // 4, h // 4))
    if top < 2000:
        failures.append(f"only {top} coloured pixels (at 1/4 scale): no map or charts drawn?")
    print(f"check_report: screenshot ink by band {[round(b, 3) for b in bands]}, "
          f"{top} coloured pixels at 1/4 scale")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--screenshot", help="where to keep the screenshot (default: a temporary file)")
    ap.add_argument("report")
    args = ap.parse_args()
    report = pathlib.Path(args.report).resolve()
    summary = json.loads((report.parent / "summary.json").read_text(encoding="utf-8"))
    failures = []
    check_structure(report.read_text(encoding="utf-8"), summary, failures)

    browser = chromium()
    if browser is None:
        print("check_report: skipped: chromium is not installed (scripts/install-deps installs it)")
        for f in failures:
            print(f"{report}: {f}")
        return 1 if failures else SKIP
    with tempfile.TemporaryDirectory() as tmp:
        dom = run_chromium(browser, ["--dump-dom", report.as_uri()], os.path.join(tmp, "p1"))
        if dom.returncode != 0 or '<svg id="map"' not in dom.stdout:
            failures.append("chromium --dump-dom did not give the map back "
                            f"(exit {dom.returncode}): "
                            f"{dom.stderr[-500:]}")
        png = args.screenshot or os.path.join(tmp, "report.png")
        shot = run_chromium(browser, [f"--screenshot={png}", "--window-size=1200,3000",
                                      report.as_uri()], os.path.join(tmp, "p2"))
        if shot.returncode != 0 or not os.path.exists(png):
            failures.append(f"chromium --screenshot failed (exit {shot.returncode}): "
                            f"{shot.stderr[-500:]}")
        else:
            check_screenshot(png, failures)
    for f in failures:
        print(f"{report}: {f}")
    print(f"check_report: {'FAILED' if failures else 'ok'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
