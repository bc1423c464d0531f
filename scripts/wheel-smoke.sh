#!/usr/bin/env bash
# Install alsdesk the way a clinic does and use it: build the wheel from the tree's files (tracked
# and new, not git-ignored ones: no compiled .mo, no build/), install it into a fresh venv in a
# temporary folder, then, from another folder with a fresh ALSDESK_HOME, run the command, make a
# demo clinic, print a Chinese handout (its text read back) and open the window in Chinese.
# Called by scripts/test.sh after scripts/setup.sh --test (it uses .venv for pip and pypdf).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PYTHON:-python3}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/alsdesk-wheel.XXXXXX")
gui_pid=""
cleanup() {
  [ -n "$gui_pid" ] && kill "$gui_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "wheel smoke test FAILED: $*" >&2; exit 1; }
started=$SECONDS

mkdir -p "$tmp/src" "$tmp/dist" "$tmp/cwd" "$tmp/home"
git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - 2>/dev/null | tar -xf - -C "$tmp/src"
.venv/bin/python -m pip wheel -q --no-deps "$tmp/src" -w "$tmp/dist" >"$tmp/build.log" 2>&1 ||
  { cat "$tmp/build.log" >&2; fail "the wheel did not build"; }
wheel=$(ls "$tmp"/dist/alsdesk-*.whl)
contents=$("$PY" -m zipfile -l "$wheel")
grep -q "alsdesk/resources/locale/zh_CN/LC_MESSAGES/alsdesk.mo" <<<"$contents" || fail "the wheel has no compiled catalogue"
! grep -qE "\.(po|pot|ts|qm) " <<<"$contents" || fail "the wheel ships catalogue sources or Qt catalogues"

"$PY" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q "$wheel" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log" >&2; fail "the wheel did not install"; }
echo "built and installed in $((SECONDS - started)) s"

# Everything below runs the installed copy: another folder, no PYTHONPATH, a fresh home.
cd "$tmp/cwd"
unset PYTHONPATH ALSDESK_DATABASE_URL ALSDESK_USER ALSDESK_PASSWORD ALSDESK_AUDIT_KEY
export ALSDESK_HOME="$tmp/home" QT_QPA_PLATFORM=offscreen
alsdesk="$tmp/venv/bin/alsdesk"
where=$("$tmp/venv/bin/python" -c 'import alsdesk; print(alsdesk.__file__)')
case "$where" in "$tmp/venv/"*) ;; *) fail "alsdesk was imported from $where, not the venv" ;; esac

# The installed catalogue answers without Babel, which only the build needs.
"$tmp/venv/bin/python" -c 'import babel' 2>/dev/null && fail "Babel was installed with alsdesk"
"$tmp/venv/bin/python" -c 'from alsdesk.i18n import translate; assert translate("zh_CN", "Worklist", "MainWindow") == "工作清单"' ||
  fail "the installed catalogue does not speak Chinese"

version=$("$alsdesk" --version)
expected=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$ROOT/alsdesk/__init__.py")
[ "$version" = "alsdesk $expected" ] || fail "--version printed '$version', not 'alsdesk $expected'"

"$alsdesk" demo --patients 20 --seed 1 >"$tmp/demo.txt" || fail "demo failed: $(cat "$tmp/demo.txt")"
grep -q "demo account admin" "$tmp/demo.txt" || fail "demo made no accounts: $(cat "$tmp/demo.txt")"
export ALSDESK_USER=admin ALSDESK_PASSWORD=demo-admin-2026
mrn=$("$alsdesk" patient list | head -1 | cut -d' ' -f1)
"$alsdesk" report handout --patient "$mrn" --lang zh_CN -o handout.pdf >/dev/null
text=$("$ROOT/.venv/bin/python" -c 'import sys, pypdf; print("".join(p.extract_text() for p in pypdf.PdfReader(sys.argv[1]).pages))' handout.pdf)
case "$text" in *您的护理计划*) ;; *) fail "the Chinese handout reads: ${text:0:200}" ;; esac

# The window in Chinese, chosen the way a user does (Administration -> Language, kept in the
# settings under ALSDESK_HOME); it waits at the sign-in dialog, so it is stopped once it said so.
mkdir -p "$ALSDESK_HOME/alsdesk"
printf '[ui]\nlanguage=zh_CN\n' >"$ALSDESK_HOME/alsdesk/alsdesk.ini"
"$alsdesk" -v gui >"$tmp/gui.log" 2>&1 &
gui_pid=$!
for _ in $(seq 1 120); do
  grep -q "translation zh_CN loaded" "$tmp/gui.log" && break
  kill -0 "$gui_pid" 2>/dev/null || break
  sleep 0.25
done
grep -q "^INFO alsdesk.ui.app: translation zh_CN loaded: Qt answers in zh_CN, its own texts from .*qtbase_zh_CN.qm$" "$tmp/gui.log" ||
  { cat "$tmp/gui.log" >&2; fail "the window did not load its Chinese translation"; }
! grep -E "^(ERROR|CRITICAL|WARNING)|Traceback" "$tmp/gui.log" || fail "the window logged problems"
echo "wheel smoke test passed in $((SECONDS - started)) s"
