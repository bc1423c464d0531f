#!/usr/bin/env bash
# Set up alsdesk in ./.venv (with --test, what the test suite needs; with --bundle, the pinned
# PyInstaller scripts/build-bundle.sh uses), reusing what is there. As root on Debian it also
# installs the system libraries Qt needs (and, with --test, PostgreSQL, Xvfb, poppler and the
# installer tools: binutils for PyInstaller, nsis). Safe to run again: it only installs what is
# missing or changed.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
want_bundle=0
case "${1:-}" in
  --test) want_test=1; want_bundle=1 ;;  # the tests build and try the installers too
  --bundle) want_bundle=1 ;;
esac
PY=${PYTHON:-python3}

"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "alsdesk needs Python 3.11 or newer (found: $("$PY" --version 2>&1))" >&2; exit 1; }

apt_install() {  # install Debian packages that are not installed yet
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  # Qt's runtime libraries (xcb for a real screen, EGL/GL, fonts, keyboard), venv support.
  apt_install python3-venv libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 \
    libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 \
    libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xfixes0 libxrender1 libxi6 fonts-dejavu-core
  if [ $want_test = 1 ]; then
    apt_install postgresql xvfb xauth poppler-utils nsis
  fi
  if [ $want_bundle = 1 ]; then
    apt_install binutils  # PyInstaller reads and strips the libraries it bundles with objdump/strip
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
extras=""
[ $want_bundle = 1 ] && extras="[bundle]"
[ $want_test = 1 ] && extras="[test,bundle]"
stamp=".venv/.alsdesk-installed${extras}"
fingerprint=$(cat pyproject.toml setup.py | sha256sum | cut -d" " -f1)  # what pip installs from
# The test set-up holds every extra, so it also serves a plain or a bundle set-up.
if [ "$(cat "$stamp" 2>/dev/null)" != "$fingerprint" ] &&
  [ "$(cat ".venv/.alsdesk-installed[test,bundle]" 2>/dev/null)" != "$fingerprint" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".${extras}"
  echo "$fingerprint" > "$stamp"
fi

if [ $want_test = 1 ]; then
  # A second environment without Qt proves the Qt-free layers stay Qt-free.
  if [ ! -x .venv-noqt/bin/python ]; then "$PY" -m venv .venv-noqt; fi
  if [ "$(cat .venv-noqt/.installed 2>/dev/null)" != "$fingerprint" ]; then
    .venv-noqt/bin/python -m pip install -q --upgrade pip
    .venv-noqt/bin/python - <<'PYEOF' > .venv-noqt/requirements.txt
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
deps = [d for d in project["dependencies"] if not d.lower().startswith("pyside6")]
deps += [d for d in project["optional-dependencies"]["test"] if d.split(">")[0].split("=")[0] in ("pytest", "hypothesis", "pytest-timeout", "babel")]
print("\n".join(deps))
PYEOF
    .venv-noqt/bin/python -m pip install -q -r .venv-noqt/requirements.txt
    # alsdesk last and without its dependencies: pip then skips its conflict report (PySide6 is
    # missing on purpose here), which would print an ERROR line in every passing run.
    .venv-noqt/bin/python -m pip install -q --no-deps -e .
    echo "$fingerprint" > .venv-noqt/.installed
  fi
fi

# Compile the catalogues (resources/locale/*/LC_MESSAGES/*.po -> .mo, git-ignored), only when
# stale, with Babel, the compiler the wheel build uses; the app then runs without Babel.
for po in resources/locale/*/LC_MESSAGES/*.po; do
  [ -e "$po" ] || continue
  mo="${po%.po}.mo"
  if [ ! -e "$mo" ] || [ "$po" -nt "$mo" ]; then
    .venv/bin/python -c "import babel" 2>/dev/null || .venv/bin/python -m pip install -q "babel>=2.14,<3"
    .venv/bin/python -c 'import sys; from pathlib import Path; from alsdesk.i18n.catalogue import compile_catalogue as c; c(Path(sys.argv[1]), Path(sys.argv[2]))' "$po" "$mo"
  fi
done
