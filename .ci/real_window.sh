#!/usr/bin/env bash
# Launch main.py in a real X window (Xvfb), draw a digit with xdotool, screenshot it, check that the
# app is still alive and the screenshot is not blank, then quit with Ctrl+Q: exit status 0, no Qt
# warning about threads.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(xvfb xdotool imagemagick libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1
    libxcb-shape0 libxcb-xkb1 libxcb-render-util0 libxcb-image0 libegl1 libgl1)
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing for the real-window check: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

display=:91
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb_pid=$!
app_pid=""
settings_dir=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    kill "$xvfb_pid" 2>/dev/null || true
    [ -n "$settings_dir" ] && rm -rf "$settings_dir" || true
}
trap cleanup EXIT
export DISPLAY=$display
unset QT_QPA_PLATFORM
# A fresh settings folder: the check sees what a first-time user sees (English unless the locale says
# otherwise), not a language or layout remembered from an earlier run on this machine.
settings_dir=$(mktemp -d)
export XDG_CONFIG_HOME=$settings_dir
sleep 1

.venv/bin/python main.py > /tmp/ci_app.log 2>&1 &
app_pid=$!
window=""
for _ in $(seq 1 40); do
    window=$(xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | head -n 1 || true)
    [ -n "$window" ] && break
    sleep 0.5
done
[ -n "$window" ] || { echo "FAIL: no window appeared"; cat /tmp/ci_app.log; exit 1; }
xdotool windowactivate --sync "$window" 2>/dev/null || true
sleep 1

# Find the drawing canvas through the app's own report of where it is, then draw a "7" on it.
read -r cx cy cw ch < <(.venv/bin/python - "$window" <<'PY'
import subprocess, sys
geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", sys.argv[1]],
                          capture_output=True, text=True).stdout
values = dict(line.split("=", 1) for line in geometry.split())
print(values["X"], values["Y"], values["WIDTH"], values["HEIGHT"])
PY
)
x0=$((cx + 60)); y0=$((cy + 140))
xdotool mousemove "$x0" "$y0" mousedown 1
for step in $(seq 0 10); do xdotool mousemove $((x0 + step * 14)) "$y0"; done
for step in $(seq 0 12); do xdotool mousemove $((x0 + 140 - step * 6)) $((y0 + step * 16)); done
xdotool mouseup 1
sleep 1

mkdir -p .ci/out
import -window root .ci/out/screenshot.png
kill -0 "$app_pid" || { echo "FAIL: the app died"; cat /tmp/ci_app.log; exit 1; }
.venv/bin/python - <<'PY'
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import numpy as np
from PySide6.QtGui import QImage
image = QImage(".ci/out/screenshot.png").convertToFormat(QImage.Format.Format_Grayscale8)
if image.isNull():
    raise SystemExit("FAIL: screenshot unreadable")
pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
spread = float(pixels.std())
print(f"real-window screenshot: {image.width()}x{image.height()}, grey std {spread:.1f}")
if spread < 5:
    raise SystemExit("FAIL: the screenshot is blank")
PY

# Quit the way a user does: Ctrl+Q must end the process with status 0 and no Qt thread warning.
xdotool key ctrl+q
for _ in $(seq 1 50); do
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.1
done
kill -0 "$app_pid" 2>/dev/null && { echo "FAIL: Ctrl+Q did not end the app within 5 s"; exit 1; }
status=0
wait "$app_pid" || status=$?
app_pid=""
[ "$status" -eq 0 ] || { echo "FAIL: the app exited with status $status"; cat /tmp/ci_app.log; exit 1; }
if grep -q "QThread" /tmp/ci_app.log; then
    echo "FAIL: Qt warned about a thread on the way out"; cat /tmp/ci_app.log; exit 1
fi
echo "real-window check passed: 2 passed, 0 failed"
