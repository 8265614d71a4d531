"""Runs headless Neovim with Inputs/nvim-init.lua on a copy of
examples/service (with a compile_commands.json) and prints what it wrote."""
import json, os, shutil, subprocess, sys

initscan, source_root, work = [os.path.abspath(a) for a in sys.argv[1:4]]
shutil.rmtree(work, ignore_errors=True)
service = os.path.join(work, "service")
shutil.copytree(os.path.join(source_root, "examples", "service"), service)
with open(os.path.join(service, "compile_commands.json"), "w") as f:
    json.dump([{"directory": service, "file": name,
                "arguments": ["clang++", "-std=c++17", "-c", name]}
               for name in sorted(os.listdir(service)) if name.endswith(".cpp")], f)
out = os.path.join(work, "diagnostics.txt")
env = dict(os.environ, INITSCAN_BIN=initscan, INITSCAN_NVIM_OUT=out,
           XDG_CONFIG_HOME=work, XDG_DATA_HOME=work, XDG_STATE_HOME=work, XDG_CACHE_HOME=work)
init = os.path.join(os.path.dirname(os.path.abspath(__file__)), "nvim-init.lua")
try:
    subprocess.run(["nvim", "--headless", "-n", "-i", "NONE", "-u", init, "handlers.cpp"],
                   cwd=service, env=env, stdin=subprocess.DEVNULL, timeout=240)
except subprocess.TimeoutExpired:
    print("nvim timed out")
print(open(out).read() if os.path.exists(out) else "nvim wrote nothing", end="")
with open(os.path.join(service, "service_strings.h")) as f:
    print("on disk:", [l for l in f.read().splitlines() if "kServiceName" in l][0])
