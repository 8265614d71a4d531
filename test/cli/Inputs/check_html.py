"""check_html.py REPORT.html: static checks of an initscan HTML report, without
a browser. It must be self-contained (no external scripts, styles, images or
http(s) URLs), have exactly three <script> elements (the error counter, the
JSON data, the page script) so no analysed text closed one early, embed JSON
that parses, and link each check to a docs/checks/*.md page that exists.
Prints "html ok" and the number of table rows."""
import json
import os
import sys
from html.parser import HTMLParser
from urllib.parse import unquote, urlparse


class Report(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts, self.links, self.rows, self.problems = [], set(), 0, []
        self.in_script = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name in ("src", "srcset", "poster") or (
                    value and value.lstrip().lower().startswith(("http:", "https:", "//"))):
                self.problems.append("external reference: <%s %s=%r>" % (tag, name, value))
        if tag == "link":
            self.problems.append("<link> element")
        if tag == "script":
            self.in_script = [attrs.get("type", ""), ""]
            self.scripts.append(self.in_script)
        if tag == "a" and "/docs/checks/" in attrs.get("href", ""):
            self.links.add(attrs["href"])
        if tag == "tr" and "data-check" in attrs:
            self.rows += 1

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = None

    def handle_data(self, data):
        if self.in_script is not None:
            self.in_script[1] += data


text = open(sys.argv[1], encoding="utf-8").read()
page = Report()
page.feed(text)
problems = page.problems
if "http://" in text or "https://" in text:
    problems.append("an http(s) URL in the page")
if [kind for kind, _ in page.scripts] != ["", "application/json", ""]:
    problems.append("unexpected <script> elements: %r" % [k for k, _ in page.scripts])
else:
    data = json.loads(page.scripts[1][1])
    if data.get("tool") != "initscan":
        problems.append("embedded JSON is not an initscan report")
for link in sorted(page.links):
    path = unquote(urlparse(link).path)
    if not os.path.isfile(path):
        problems.append("check docs link to a missing file: " + link)
if page.rows and not page.links:
    problems.append("findings without check docs links")
for problem in problems:
    print("problem: " + problem)
if problems:
    sys.exit(1)
print("html ok: %d finding rows, %d check docs links" % (page.rows, len(page.links)))
