#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages AnkleDesk needs outside Python, and nothing when they are
# all there already (a dpkg query, well under a second), so `make run` and `make test` stay fast
# on a second run. libvlc plays the clips; vlc-plugin-video-output is what makes embedded video
# show at all; the libxcb/xkb/GL libraries are what Qt's xcb platform plugin loads; xvfb and
# poppler-utils are for the headless test suite (virtual display, PDF to PNG) and for
# `ankledesk demo` without a screen; dbus-daemon gives the tests a private session bus (the
# screen-saver inhibit is checked against a real D-Bus service).
# Sound: libpulse0 is what QtMultimedia plays the cue tones through; speech-dispatcher-espeak-ng
# is the spoken announcements' voice (it is only a Recommends of speech-dispatcher, so
# --no-install-recommends would leave speech-dispatcher with no voice at all). pulseaudio and
# pulseaudio-utils are for the tests: a private daemon with a null sink whose monitor parec
# records. libxtst6 is for the tests too: they press keys in the real app's window (XTest).
set -euo pipefail

packages=(
  libvlc5 vlc-plugin-base vlc-plugin-video-output
  libxcb-cursor0 libxkbcommon-x11-0 libxkbcommon0 libegl1 libgl1 libfontconfig1 libdbus-1-3
  libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libglib2.0-0
  libpulse0 speech-dispatcher-espeak-ng
  xvfb xauth poppler-utils pulseaudio pulseaudio-utils libxtst6
  dbus-daemon dbus-session-bus-common
)

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-system-deps: not a Debian/Ubuntu system; install VLC and Python 3.11+ yourself (see README)." >&2
  exit 0
fi

# python3-venv is needed only where the system Python lacks venv/ensurepip (Debian's own python3).
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  packages+=(python3-venv)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

cmd=(apt-get install -y --no-install-recommends "${missing[@]}")
if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  echo "AnkleDesk needs these system packages; run this, then try again:" >&2
  echo "  sudo apt-get update && sudo ${cmd[*]}" >&2
  exit 1
fi
echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" "${cmd[@]}" -qq
