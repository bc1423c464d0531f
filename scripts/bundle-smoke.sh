#!/usr/bin/env bash
# Use the clinic-PC build the way a clinic does (after scripts/build-bundle.sh): unpack the .tar.gz
# in a temporary folder and, from another folder with a fresh ALSDESK_HOME, run the frozen program:
# --version, a demo clinic, db check, a Chinese handout (its text read back with pdftotext),
# db encrypt, and the window offscreen in Chinese for 10 s (its log shows the catalogue answering
# through Qt, and Qt's own texts loaded from the bundle). Then the size budgets
# (bench/bench_bundle.py --sizes), the Windows installer script compiled by makensis against a
# stand-in folder, and, as root, the .deb installed with dpkg, run from /usr/bin and removed again.
# Called by scripts/test.sh after scripts/build-bundle.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' alsdesk/__init__.py)
arch=$(dpkg --print-architecture 2>/dev/null || uname -m)
tarball="$ROOT/dist/alsdesk-$version-linux-$arch.tar.gz"
deb="$ROOT/dist/alsdesk_${version}_${arch}.deb"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/alsdesk-bundle.XXXXXX")
gui_pid=""
installed_here=0
cleanup() {
  [ -n "$gui_pid" ] && kill "$gui_pid" 2>/dev/null || true
  [ $installed_here = 1 ] && dpkg -r alsdesk >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "bundle smoke test FAILED: $*" >&2; exit 1; }
started=$SECONDS
[ -f "$tarball" ] && [ -f "$deb" ] || fail "build it first: scripts/build-bundle.sh (no $tarball or $deb)"

mkdir -p "$tmp/opt" "$tmp/cwd" "$tmp/home"
tar -xzf "$tarball" -C "$tmp/opt"
cd "$tmp/cwd"
unset PYTHONPATH PYTHONHOME ALSDESK_DATABASE_URL ALSDESK_USER ALSDESK_PASSWORD ALSDESK_AUDIT_KEY
export ALSDESK_HOME="$tmp/home" QT_QPA_PLATFORM=offscreen
bundle="$tmp/opt/alsdesk"
alsdesk="$bundle/alsdesk"

out=$("$alsdesk" --version)
[ "$out" = "alsdesk $version" ] || fail "--version printed '$out', not 'alsdesk $version'"
"$alsdesk" demo --patients 20 --seed 1 >demo.txt 2>&1 || fail "demo failed: $(cat demo.txt)"
grep -q "demo account admin" demo.txt || fail "demo made no accounts: $(cat demo.txt)"
"$alsdesk" db check >check.txt 2>&1 || fail "db check failed: $(cat check.txt)"
grep -q "^ok   schema at" check.txt || fail "db check did not check the schema: $(cat check.txt)"

export ALSDESK_USER=admin ALSDESK_PASSWORD=demo-admin-2026
mrn=$("$alsdesk" patient list | head -1 | cut -d' ' -f1)
"$alsdesk" report handout --patient "$mrn" --lang zh_CN -o handout.pdf >/dev/null
text=$(pdftotext -enc UTF-8 handout.pdf -)
case "$text" in *您的护理计划*) ;; *) fail "the Chinese handout reads: ${text:0:200}" ;; esac

# The FHIR export finds its resource models by name at run time: every one must be in the bundle.
"$alsdesk" export --format fhir --all -o fhir.json >fhir.txt 2>&1 || fail "FHIR export failed: $(cat fhir.txt)"
grep -q '"resourceType": *"Bundle"' fhir.json || fail "the FHIR export is not a Bundle: $(head -c 200 fhir.json)"

"$alsdesk" db encrypt >encrypt.txt 2>&1 || fail "db encrypt failed: $(cat encrypt.txt)"
grep -q "is now encrypted" encrypt.txt || fail "db encrypt said: $(cat encrypt.txt)"
"$alsdesk" db check >check.txt 2>&1 || fail "db check of the encrypted clinic failed: $(cat check.txt)"
unset ALSDESK_USER ALSDESK_PASSWORD

# The window in Chinese, chosen the way a user does (kept in the settings under ALSDESK_HOME). It
# waits at the sign-in dialog: it must still be running after 10 s, with nothing logged amiss.
mkdir -p "$ALSDESK_HOME/alsdesk"
printf '[ui]\nlanguage=zh_CN\n' >"$ALSDESK_HOME/alsdesk/alsdesk.ini"
"$alsdesk" -v gui >gui.log 2>&1 &
gui_pid=$!
sleep 10
kill -0 "$gui_pid" 2>/dev/null || { cat gui.log >&2; fail "the window stopped within 10 s"; }
kill "$gui_pid"
wait "$gui_pid" 2>/dev/null || true
gui_pid=""
grep -q "^INFO alsdesk.ui.app: translation zh_CN loaded: Qt answers in zh_CN, its own texts from $bundle/.*qtbase_zh_CN.qm$" gui.log ||
  { cat gui.log >&2; fail "the window did not answer in Chinese, or Qt's own texts did not come from the bundle"; }
! grep -E "^(ERROR|CRITICAL|WARNING)|Traceback" gui.log || fail "the window logged problems"
echo "the frozen program passed in $((SECONDS - started)) s"

cd "$ROOT"
"${ALSDESK_VENV:-.venv}/bin/python" bench/bench_bundle.py --sizes || fail "a size budget is exceeded"

# Windows: the installer script compiles (the frozen Windows program itself is built on Windows).
command -v makensis >/dev/null || fail "makensis is missing: install Debian's nsis (scripts/setup.sh --test does, as root)"
standin="$tmp/windows/alsdesk"
mkdir -p "$standin/_internal"
touch "$standin/alsdesk.exe" "$standin/alsdesk-window.exe" "$standin/_internal/base_library.zip"
cp packaging/alsdesk.ico "$standin/"
(cd packaging/windows && makensis -V2 -WX -DVERSION="$version" -DBUNDLE="$standin" \
  -DOUTFILE="$tmp/windows/alsdesk-$version-setup.exe" alsdesk.nsi) || fail "makensis did not compile alsdesk.nsi"
[ -s "$tmp/windows/alsdesk-$version-setup.exe" ] || fail "makensis wrote no installer"
echo "the Windows installer script compiled"

# The .deb, as root: installed, run from /usr/bin, removed; the user's data stays where it was.
if [ "$(id -u)" != 0 ]; then
  echo "the .deb was not installed: that needs root"
elif dpkg -s alsdesk >/dev/null 2>&1; then
  echo "the .deb was not installed: this machine has an alsdesk package already, left alone"
else
  dpkg -i "$deb" >"$tmp/dpkg.log" 2>&1 || { cat "$tmp/dpkg.log" >&2; fail "dpkg -i failed"; }
  installed_here=1
  out=$(cd "$tmp/cwd" && /usr/bin/alsdesk --version)
  [ "$out" = "alsdesk $version" ] || fail "/usr/bin/alsdesk --version printed '$out'"
  # Without ALSDESK_HOME: the user's own data directory, ~/.local/share/alsdesk.
  user="$tmp/user"
  (cd "$tmp/cwd" && env -u ALSDESK_HOME -u XDG_DATA_HOME HOME="$user" /usr/bin/alsdesk demo --patients 2 >/dev/null) ||
    fail "/usr/bin/alsdesk could not make a clinic in the user's data directory"
  data="$user/.local/share/alsdesk/alsdesk.sqlite3"
  [ -f "$data" ] || fail "/usr/bin/alsdesk kept its clinic elsewhere than $data"
  [ -f /usr/share/applications/alsdesk.desktop ] && [ -f /usr/share/icons/hicolor/256x256/apps/alsdesk.png ] ||
    fail "the .deb installed no desktop entry or icon"
  dpkg -r alsdesk >"$tmp/dpkg.log" 2>&1 || { cat "$tmp/dpkg.log" >&2; fail "dpkg -r failed"; }
  installed_here=0
  [ ! -e /usr/bin/alsdesk ] && [ ! -e /usr/lib/alsdesk ] || fail "dpkg -r left the program behind"
  [ -f "$data" ] || fail "the clinic's data went with the package"
  echo "the .deb installed, ran from /usr/bin and was removed"
fi
echo "bundle smoke test passed in $((SECONDS - started)) s"
