"""Compile flags come from compile_commands.json found like clangd finds it
(the file's directories and their build/ subdirectories, neighbours' flags
for files not listed), default flags outside every database, and an explicit
directory from initializationOptions or --compile-commands-dir. A file that
does not compile still gets the findings the parser could recover."""
import json, os, shutil, sys, tempfile
sys.dont_write_bytecode = True  # No __pycache__ in the source tree.
sys.path.insert(0, sys.argv[1])
import lsp_client as L

inputs = os.path.dirname(os.path.abspath(__file__))
work = sys.argv[3]
shutil.rmtree(work, ignore_errors=True)
for d in ("proj/src", "proj/build", "proj/other-build"):
    os.makedirs(os.path.join(work, d))
source = os.path.join(work, "proj/src/flags.cpp")
shutil.copy(os.path.join(inputs, "flags.cpp"), source)


def database(directory, define):
    # Lists a neighbour, not flags.cpp itself: its flags are inferred.
    entry = {"directory": os.path.join(work, "proj"), "file": "src/neighbour.cpp",
             "arguments": ["clang++", "-std=c++17", "-D" + define, "-c", "src/neighbour.cpp"]}
    with open(os.path.join(work, "proj", directory, "compile_commands.json"), "w") as f:
        json.dump([entry], f)


database("build", "FROM_DATABASE")
database("other-build", "FROM_OVERRIDE")
# Outside the test tree, whose parents may hold a compile database.
outside_dir = tempfile.mkdtemp(prefix="initscan-lsp-")
outside = os.path.join(outside_dir, "flags.cpp")
shutil.copy(os.path.join(inputs, "flags.cpp"), outside)
broken = os.path.join(outside_dir, "broken.cpp")
shutil.copy(os.path.join(inputs, "broken.cpp"), broken)


def names(client, path):
    return [d["message"].split(" ")[0] for d in client.diagnostics(path)["diagnostics"]]


try:
    c = L.Client([sys.argv[2], "--lsp", "--lsp-debounce=0"])
    c.initialize()
    c.open(source)
    print("proj/build database:", names(c, source))
    c.open(outside)
    print("outside every database:", names(c, outside))
    c.open(broken)
    print("does not compile:", names(c, broken))
    print("exit", c.shutdown_and_exit())
    print("".join(line for line in c.stderr if "initscan-lsp: analysed" in line), end="")

    c = L.Client([sys.argv[2], "--lsp", "--lsp-debounce=0"])
    c.initialize(options={"compileCommandsDir": os.path.join(work, "proj/other-build")})
    c.open(source)
    print("initializationOptions:", names(c, source))
    print("exit", c.shutdown_and_exit())

    c = L.Client([sys.argv[2], "--lsp", "--lsp-debounce=0",
                  "--compile-commands-dir=" + os.path.join(work, "proj/other-build")])
    c.initialize()
    c.open(source)
    print("--compile-commands-dir:", names(c, source))
    print("exit", c.shutdown_and_exit())
finally:
    shutil.rmtree(outside_dir)
