#!/usr/bin/env bash
# Installs everything skillscore needs on a fresh Debian/Ubuntu machine (or a venv on any
# machine): the system libraries Qt needs even offscreen, then the package with its test
# and build extras. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# Qt's xcb/offscreen plugins load libEGL, libGL, xkbcommon, fontconfig and dbus; pdftoppm
# renders sheets for screenshots; Xvfb shows the GUI on a virtual screen.
DEBS="libegl1 libgl1 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
      libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
      libxcb-render-util0 libxcb-image0 libxcb-xkb1 poppler-utils xvfb sqlite3 binutils"
if command -v apt-get >/dev/null 2>&1; then
  missing=""
  for p in $DEBS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  if [ -n "$missing" ]; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
fi

python3 -m pip install -q --disable-pip-version-check -e '.[test,build]'
# pyenv only sees new commands (skillscore, skillscore-gui) after a rehash.
if command -v pyenv >/dev/null 2>&1; then pyenv rehash || true; fi
