#!/usr/bin/env bash
# Build alsdesk for a clinic PC without Python, from this tree: dist/alsdesk/ (a PyInstaller
# one-folder bundle, packaging/alsdesk.spec), then from it dist/alsdesk-VERSION-linux-ARCH.tar.gz
# and dist/alsdesk_VERSION_ARCH.deb. Sets up .venv with the pinned PyInstaller first (the `bundle`
# extra in pyproject.toml). Windows builds the same spec: docs/installing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# The pinned PyInstaller, and the compiled catalogues the spec ships; ALSDESK_VENV names a venv set
# up already (with the `bundle` extra and the catalogues compiled) to use instead of .venv.
venv=${ALSDESK_VENV:-.venv}
[ -n "${ALSDESK_VENV:-}" ] || bash scripts/setup.sh --bundle
started=$SECONDS
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' alsdesk/__init__.py)
arch=$(dpkg --print-architecture 2>/dev/null || uname -m)

rm -rf dist/alsdesk build/pyinstaller
# PYTHONPATH: the tree being built, whichever checkout .venv's editable install points to.
PYTHONPATH=$PWD "$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/alsdesk.spec

# .tar.gz: the bundle as the folder alsdesk/, with the desktop entry and icon for a user's menu.
cp packaging/linux/alsdesk.desktop packaging/alsdesk.png dist/alsdesk/
tarball="dist/alsdesk-$version-linux-$arch.tar.gz"
tar -C dist -czf "$tarball" alsdesk

# .deb: the bundle in /usr/lib/alsdesk, the command /usr/bin/alsdesk, a menu entry and its icon.
# Nothing of a user's data is installed or removed: it lives in each user's data directory.
root=build/deb
rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/usr/lib" "$root/usr/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/256x256/apps" "$root/usr/share/icons/hicolor/scalable/apps" \
  "$root/usr/share/doc/alsdesk"
cp -a dist/alsdesk "$root/usr/lib/alsdesk"
rm "$root/usr/lib/alsdesk/alsdesk.desktop" "$root/usr/lib/alsdesk/alsdesk.png"
ln -s ../lib/alsdesk/alsdesk "$root/usr/bin/alsdesk"
cp packaging/linux/alsdesk.desktop "$root/usr/share/applications/"
cp packaging/alsdesk.png "$root/usr/share/icons/hicolor/256x256/apps/"
cp packaging/alsdesk.svg "$root/usr/share/icons/hicolor/scalable/apps/"
cat >"$root/usr/share/doc/alsdesk/copyright" <<'TXT'
alsdesk: care coordination for an ALS / motor neuron disease clinic. Proprietary.
The libraries and the font it ships keep their own licences, installed with them in
/usr/lib/alsdesk/_internal (*.dist-info/ and alsdesk/resources/fonts/).
TXT
# The bundle carries its libraries but OpenGL/EGL and the C library, which come from the system.
glibc=$(dpkg-query -W -f='${Version}' libc6 2>/dev/null | sed 's/-.*//')
cat >"$root/DEBIAN/control" <<TXT
Package: alsdesk
Version: $version
Architecture: $arch
Maintainer: alsdesk <alsdesk@localhost>
Installed-Size: $(du -sk --apparent-size "$root/usr" | cut -f1)
Depends: libc6 (>= ${glibc:-2.36}), libgl1, libegl1, libxcb1
Recommends: libwayland-client0
Section: science
Priority: optional
Description: care coordination for an ALS / motor neuron disease clinic
 Workups, ALSFRS-R progression with guideline alerts, therapy, medications,
 referrals, care programs and a daily worklist, with printed documents in
 English and Simplified Chinese. Each user's clinic data lives in their own
 data directory (~/.local/share/alsdesk); removing the package leaves it there.
TXT
deb="dist/alsdesk_${version}_${arch}.deb"
# xz at level 1: about half the time of the default level, for a few MB more (bench/README.md).
dpkg-deb --root-owner-group -Zxz -z1 --threads-max=2 --build "$root" "$deb" >/dev/null
echo "built $(du -sh --apparent-size dist/alsdesk | cut -f1) dist/alsdesk/, $tarball ($(du -h --apparent-size "$tarball" | cut -f1)), $deb ($(du -h --apparent-size "$deb" | cut -f1)) in $((SECONDS - started)) s"
