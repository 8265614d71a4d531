"""run_with_tty_stderr.py CMD...: runs CMD with its stderr on a pseudo-terminal
(stdout discarded) and prints what it wrote there, one line per \\r update."""
import os
import pty
import subprocess
import sys

master, slave = pty.openpty()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=slave)
os.close(slave)
data = b""
while True:
    try:
        chunk = os.read(master, 4096)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
proc.wait()
sys.stdout.write(data.decode(errors="replace").replace("\r", "\n"))
sys.exit(proc.returncode)
