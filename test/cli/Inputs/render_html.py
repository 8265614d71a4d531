"""render_html.py REPORT.html OUTDIR: opens an initscan HTML report in headless
Chromium, twice in fresh profiles (no network features):

  OUTDIR/dom.html     the DOM after the page's scripts ran, opened at
                      #selftest so the page's own sort/filter self-test runs;
  OUTDIR/console.txt  Chromium's log of that run (console messages included);
  OUTDIR/report.png   a 1280x1600 screenshot of the page as a user opens it.

Prints one line per uncaught script error ("script error: ..."), then
"script errors: N" and "screenshot: OUTDIR/report.png (N bytes)". Fails when
Chromium is missing, times out, or writes no PNG of at least 20 kB (a blank
page compresses to a few kB). scripts/setup.sh installs
Debian's chromium; INITSCAN_CHROMIUM overrides the binary."""
import os
import shutil
import subprocess
import sys
import tempfile

report, outdir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
chromium = os.environ.get("INITSCAN_CHROMIUM") or shutil.which("chromium")
if not chromium:
    sys.exit("render_html.py: chromium not found (scripts/setup.sh installs it)")
os.makedirs(outdir, exist_ok=True)
url = "file://" + report


def run(extra, stdout):
    # A new profile each time, as root needs --no-sandbox; Chromium is slow to
    # start on a loaded machine, hence the generous timeout.
    with tempfile.TemporaryDirectory(dir=outdir) as profile:
        env = dict(os.environ, HOME=profile)
        # scripts/sanitize.sh preloads the ASan runtime for clang-tidy;
        # Chromium, not instrumented, hangs with it.
        env.pop("LD_PRELOAD", None)
        args = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile] + extra
        try:
            proc = subprocess.run(args, stdout=stdout, stderr=subprocess.PIPE,
                                  env=env, timeout=120)
        except subprocess.TimeoutExpired:
            sys.exit("render_html.py: chromium timed out: " + " ".join(extra))
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr.decode(errors="replace"))
            sys.exit("render_html.py: chromium exited with %d" % proc.returncode)
        return proc.stderr.decode(errors="replace")


with open(os.path.join(outdir, "dom.html"), "wb") as dom:
    log = run(["--enable-logging=stderr", "--v=0", "--dump-dom",
               url + "#selftest"], dom)
with open(os.path.join(outdir, "console.txt"), "w") as f:
    f.write(log)
errors = [line for line in log.splitlines() if "Uncaught" in line]
for line in errors:
    print("script error: " + line)
print("script errors: %d" % len(errors))

png = os.path.join(outdir, "report.png")
if os.path.exists(png):
    os.remove(png)
run(["--hide-scrollbars", "--window-size=1280,1600", "--screenshot=" + png, url],
    subprocess.DEVNULL)
if not os.path.exists(png):
    sys.exit("render_html.py: no screenshot written")
with open(png, "rb") as f:
    if f.read(8) != b"\x89PNG\r\n\x1a\n":
        sys.exit("render_html.py: screenshot is not a PNG")
if os.path.getsize(png) < 20000:
    sys.exit("render_html.py: screenshot %s is nearly empty" % png)
print("screenshot: %s (%d bytes)" % (png, os.path.getsize(png)))
