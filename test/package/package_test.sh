#!/usr/bin/env bash
# Builds the initscan-llvm-N .deb of a build directory with cpack, checks its
# control data and contents, then runs the packaged initscan and
# initscan-tidy on examples/service:
#   root (and the package not installed already): dpkg -i, run /usr/bin/
#     initscan-N and initscan-tidy-N, dpkg -r, check that nothing is left;
#   otherwise: dpkg -x into a temporary root and run the tools from there.
#   package_test.sh BUILD_DIR SOURCE_DIR LLVM_MAJOR [--no-install]
set -euo pipefail
build=$(readlink -f "$1") src=$(readlink -f "$2") major=$3 mode=${4:-}
pkg="initscan-llvm-$major"
prefix="/usr/lib/$pkg"
work=$(mktemp -d "${TMPDIR:-/tmp}/initscan-package.XXXXXX")
trap 'rm -rf "$work"' EXIT

fail() { echo "package_test: FAIL: $*" >&2; exit 1; }
expect() { # expect TEXT PATTERN WHAT
  grep -qE -- "$2" <<<"$1" || { printf '%s\n' "$1" >&2; fail "$3: no match for /$2/"; }
}

cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$work"/out/"$pkg"_*.deb 2>/dev/null | head -n1)
[ -n "$deb" ] || fail "cpack made no $pkg_*.deb"
echo "package_test: built $(basename "$deb")"

info=$(dpkg-deb --info "$deb")
expect "$info" "^ Package: $pkg\$" "control Package"
expect "$info" "^ Depends:.*clang-tidy-$major[ ,]" "Depends on the exact clang-tidy"
expect "$info" "^ Depends:.*libclang-cpp$major[ ,]" "Depends on libclang-cpp"
expect "$info" "^ Depends:.*libllvm$major[ ,]" "Depends on libllvm"
expect "$info" " postinst" "postinst script"
expect "$info" " prerm" "prerm script"

contents=$(dpkg-deb --contents "$deb")
for f in "$prefix/bin/initscan" "$prefix/bin/initscan-tidy" \
         "$prefix/lib/InitscanModule.so" "$prefix/share/doc/initscan/index.md"; do
  expect "$contents" " \.$f\$" "contents"
done
expect "$contents" " \./usr/bin/initscan-$major -> \.\./lib/$pkg/bin/initscan\$" "versioned link"
expect "$contents" " \./usr/bin/initscan-tidy-$major -> \.\./lib/$pkg/bin/initscan-tidy\$" "versioned link"
# Nothing outside the prefix but the two versioned links: majors co-install.
outside=$(awk '{print $6}' <<<"$contents" |
  grep -vxE "\./|\./usr/|\./usr/lib/|\./usr/bin/|\.$prefix/.*|\./usr/bin/initscan(-tidy)?-$major" || true)
[ -z "$outside" ] || fail "files outside $prefix: $outside"

# The example, compiled the way its CMakeLists.txt says.
example="$src/examples/service"
run_tools() { # run_tools INITSCAN INITSCAN_TIDY
  local out
  out=$("$1" "$example/config.cpp" -- -std=c++17 2>&1) || fail "initscan exited $?: $out"
  expect "$out" "kServiceName' is initialized before main: .*\[initscan-expensive-static-init\]" "initscan on the example"
  out=$("$2" --checks='-*,initscan-*' --quiet "$example/config.cpp" -- -std=c++17 2>&1) ||
    fail "initscan-tidy exited $?: $out"
  # clang-tidy reports in the main file only (no --header-filter).
  expect "$out" "gConfig' is initialized before main: .*\[initscan-expensive-static-init\]" "initscan-tidy on the example"
}

installed=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
if [ "$(id -u)" -eq 0 ] && [ "$mode" != --no-install ] && [[ "$installed" != *"ok installed"* ]]; then
  dpkg_locked() { # dpkg has no lock timeout: other apt runs may hold the lock
    local i
    for i in $(seq 60); do
      "$@" >"$work/dpkg.log" 2>&1 && return 0
      grep -q "lock" "$work/dpkg.log" || { cat "$work/dpkg.log" >&2; return 1; }
      sleep 5
    done
    cat "$work/dpkg.log" >&2; return 1
  }
  dpkg_locked dpkg -i "$deb" || fail "dpkg -i failed"
  trap 'dpkg -r "$pkg" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
  echo "package_test: installed $pkg"
  run_tools "/usr/bin/initscan-$major" "/usr/bin/initscan-tidy-$major"
  update-alternatives --list initscan | grep -qx "$prefix/bin/initscan" ||
    fail "update-alternatives has no $prefix/bin/initscan"
  dpkg_locked dpkg -r "$pkg" || fail "dpkg -r failed"
  [ ! -e "$prefix" ] && [ ! -e "/usr/bin/initscan-$major" ] || fail "dpkg -r left files behind"
  ! update-alternatives --list initscan 2>/dev/null | grep -qx "$prefix/bin/initscan" ||
    fail "dpkg -r left the alternative behind"
  echo "package_test: removed $pkg"
else
  dpkg -x "$deb" "$work/root"
  run_tools "$work/root$prefix/bin/initscan" "$work/root/usr/bin/initscan-tidy-$major"
  echo "package_test: ran the tools from dpkg -x (not root, or $pkg is installed)"
fi
echo "package_test: PASS"
